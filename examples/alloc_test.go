package examples

import "testing"

var (
	sinkPoint  *Point
	sinkSlice  *[]int
	sinkString string
	sinkBytes  []byte
	sinkInt    int
	sinkFunc   func() int
	sinkBig    BigStruct
)

func BenchmarkNewPoint(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkPoint = NewPoint(i, i)
	}
}

func BenchmarkAddressOfParam(b *testing.B) {
	values := []int{1, 2, 3}
	for i := 0; i < b.N; i++ {
		sinkSlice = AddressOfParam(values)
	}
}

// BenchmarkMemAlloc calls memAllocRepro, which is inlined here: values stays on the stack.
func BenchmarkMemAlloc(b *testing.B) {
	values := []int{1, 2, 3, 4}
	for i := 0; i < b.N; i++ {
		memAllocRepro(values)
		noAlloc1(values)
	}
}

func BenchmarkDescribe(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = Describe(i + 1000)
	}
}

func BenchmarkCounter(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkFunc = Counter()
	}
}

func BenchmarkAsync(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt = <-Async(i)
	}
}

func BenchmarkBuffer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt = Buffer(100 + i%2)
	}
}

func BenchmarkLarge(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt = Large()
	}
}

func BenchmarkRegister(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Register(i)
		if len(registry) > 1024 {
			registry = registry[:0]
		}
	}
}

func BenchmarkJoin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = Join("dir", "name")
	}
}

func BenchmarkBytes(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = Bytes("hello, heap")
	}
}

func BenchmarkCreateCopy(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBig = CreateCopy()
	}
}

func BenchmarkItoa(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = Itoa(i + 1000)
	}
}

var sinkBigPtr *BigStruct

func BenchmarkCreatePointer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBigPtr = CreatePointer()
	}
}
