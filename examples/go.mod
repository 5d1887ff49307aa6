module example.com/heapscope/examples

go 1.22
