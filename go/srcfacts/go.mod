module heapscope/srcfacts

go 1.21
