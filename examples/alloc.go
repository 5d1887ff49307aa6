// Package examples holds the classic ways a Go value ends up on the heap, one function per case,
// each with a benchmark in alloc_test.go. heapscope's README and tests run against this package.
package examples

import (
	"fmt"
	"strconv"
)

// Point is small enough that copying it is cheaper than allocating it.
type Point struct{ X, Y int }

// NewPoint returns the address of a local variable: p must outlive the call, so it moves to the heap.
//
//go:noinline
func NewPoint(x, y int) *Point {
	p := Point{X: x, Y: y}
	return &p
}

// AddressOfParam returns the address of its own parameter.
//
//go:noinline
func AddressOfParam(values []int) *[]int {
	return &values
}

// memAllocRepro is the classic question: why does this allocate when noAlloc1 does not?
// Compiled on its own, values is moved to the heap; inlined into a caller, it stays on the stack.
func memAllocRepro(values []int) *[]int {
	for {
		break
	}
	return &values
}

func noAlloc1(values []int) *[]int {
	return &values
}

// Describe boxes n into an interface to pass it to fmt.
func Describe(n int) string {
	return fmt.Sprint("n=", n)
}

// Counter returns a closure that captures and updates total, so total lives on the heap.
func Counter() func() int {
	total := 0
	return func() int {
		total++
		return total
	}
}

// Async hands x to a goroutine, which may outlive the call.
func Async(x int) chan int {
	ch := make(chan int, 1)
	go func() {
		ch <- x * 2
	}()
	return ch
}

// Buffer's size is known only at run time.
func Buffer(n int) int {
	buf := make([]byte, n)
	buf[0] = 1
	return len(buf)
}

// Large makes a constant-size buffer over the 64 KiB limit for implicit stack allocations.
func Large() int {
	buf := make([]byte, 80<<10)
	buf[1] = 2
	return len(buf)
}

type item struct{ id int }

var registry []*item

// Register appends a pointer to a package-level slice, so the item outlives the call.
func Register(id int) {
	it := item{id: id}
	registry = append(registry, &it)
}

// Join concatenates strings into a new string that is returned.
func Join(dir, name string) string {
	return dir + "/" + name
}

// Bytes converts a string to a byte slice that is returned, so the copy must be on the heap.
func Bytes(s string) []byte {
	return []byte(s)
}

// BigStruct is returned by value: the caller owns the copy, nothing allocates.
type BigStruct struct {
	A, B, C int
	D, E, F string
}

//go:noinline
func CreateCopy() BigStruct {
	return BigStruct{A: 1, B: 2, C: 3, D: "a", E: "b", F: "c"}
}

// Itoa allocates inside a library call.
func Itoa(n int) string {
	return strconv.Itoa(n)
}

// CreatePointer returns the same struct through a pointer: the struct outlives the call, so each call allocates it.
//
//go:noinline
func CreatePointer() *BigStruct {
	return &BigStruct{A: 1, B: 2, C: 3, D: "a", E: "b", F: "c"}
}
