module heapscope/srcfacts

go 1.24

tool heapscope/srcfacts
