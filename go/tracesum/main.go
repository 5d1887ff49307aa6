// tracesum summarises one Go execution trace (a test binary's -test.trace file) as one JSON object on standard
// output, for heapscope's `bench --trace` (src/runners/trace-pass.ts; the JSON's reader is
// src/parsers/trace-summary-json.ts). It reads the trace with golang.org/x/exp/trace, the exported copy of the
// toolchain's own reader (internal/trace), and computes the minimum mutator utilisation with the toolchain's own
// code (./mmu, copied from internal/trace). A trace it cannot read prints {"error": "..."} and exits 1.
//
// Usage: tracesum <trace file>
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/exp/trace"

	"heapscope/tracesum/mmu"
)

// maxHeapPoints bounds the heap-over-time series: the report draws it, it does not need every GC's samples.
const maxHeapPoints = 200

type summary struct {
	// Version of this output's shape: the TS parser refuses any other.
	Format int `json:"format"`
	// Nanoseconds from the trace's first event to its last.
	DurationNs int64 `json:"durationNs"`
	Events     int   `json:"events"`
	// Goroutines that came to exist during the trace (GoCreate), not the ones it found running.
	GoroutinesCreated int `json:"goroutinesCreated"`
	// Where the benchmark's last run (the timed loop at b.N) begins, in ns from the first event: every figure
	// below is of the trace from there on, leaving out the testing package's own runtime.GC() calls and b.N probes.
	WindowStartNs int64 `json:"windowStartNs"`
	// GC cycles whose mark phase began in the window (runtime.GC() calls of the benchmark's own included).
	GCCycles int `json:"gcCycles"`
	// The GC's stop-the-world pauses (sweep termination, mark termination): how many and their total.
	STWEvents  int   `json:"stwEvents"`
	STWTotalNs int64 `json:"stwTotalNs"`
	// Time goroutines spent in GC mark assists, summed over goroutines.
	AssistNs int64 `json:"assistNs"`
	// [ns since the trace's first event, bytes of live heap objects], at most maxHeapPoints.
	Heap [][2]int64 `json:"heap"`
	// Minimum mutator utilisation (0–1) over any window of 1 ms and 10 ms (STW, background marking, assists,
	// sweeping all count as not the mutator's); null when the trace is shorter than the window.
	MMU map[string]*float64 `json:"mmu"`
}

func main() {
	if len(os.Args) != 2 {
		fail(errors.New("usage: tracesum <trace file>"))
	}
	s, err := summarise(os.Args[1])
	if err != nil {
		fail(err)
	}
	out, _ := json.Marshal(s)
	fmt.Println(string(out))
}

func fail(err error) {
	out, _ := json.Marshal(map[string]string{"error": err.Error()})
	fmt.Println(string(out))
	os.Exit(1)
}

func summarise(path string) (s *summary, err error) {
	// The reader is meant to return errors on damaged input, but a panic in it must still end in one JSON line.
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("the trace reader failed: %v", p)
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return nil, err
	}
	s = &summary{Format: 1, MMU: map[string]*float64{}}
	var events []trace.Event
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("after %d events: %w", len(events), err)
		}
		events = append(events, ev)
	}
	if len(events) == 0 {
		return nil, errors.New("the trace holds no events")
	}
	first, last := events[0].Time(), events[len(events)-1].Time()
	start := timedStart(events)
	s.Events = len(events)
	s.DurationNs = int64(last.Sub(first))
	s.WindowStartNs = int64(start.Sub(first))
	// Open ranges: STW and assists per goroutine (their scope), the GC's mark phase globally.
	stwBegin := map[trace.GoID]trace.Time{}
	assistBegin := map[trace.GoID]trace.Time{}
	var heap [][2]int64
	for _, ev := range events {
		if ev.Time() < start {
			continue
		}
		switch ev.Kind() {
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				break
			}
			from, to := st.Goroutine()
			if from == trace.GoNotExist && (to == trace.GoRunnable || to == trace.GoWaiting) {
				s.GoroutinesCreated++
			}
		case trace.EventRangeActive, trace.EventRangeBegin, trace.EventRangeEnd:
			rg := ev.Range()
			g := trace.NoGoroutine
			if rg.Scope.Kind == trace.ResourceGoroutine {
				g = rg.Scope.Goroutine()
			}
			begin := ev.Kind() != trace.EventRangeEnd
			switch {
			case rg.Name == "GC concurrent mark phase":
				if ev.Kind() == trace.EventRangeBegin {
					s.GCCycles++
				}
			case isGCSTW(rg.Name):
				if begin {
					stwBegin[g] = ev.Time()
				} else if t, ok := stwBegin[g]; ok {
					s.STWEvents++
					s.STWTotalNs += int64(ev.Time().Sub(t))
					delete(stwBegin, g)
				}
			case rg.Name == "GC mark assist":
				if begin {
					assistBegin[g] = ev.Time()
				} else if t, ok := assistBegin[g]; ok {
					s.AssistNs += int64(ev.Time().Sub(t))
					delete(assistBegin, g)
				}
			}
		case trace.EventMetric:
			m := ev.Metric()
			if m.Name == "/memory/classes/heap/objects:bytes" {
				heap = append(heap, [2]int64{int64(ev.Time().Sub(start)), int64(m.Value.Uint64())})
			}
		}
	}
	// Assists still open when the trace ended count up to its end.
	for _, t := range assistBegin {
		s.AssistNs += int64(last.Sub(t))
	}
	s.Heap = downsample(heap, maxHeapPoints)
	// Utilisation over the whole trace (the computation needs its beginning: GOMAXPROCS, goroutine states), then
	// the MMU of the timed run's part of it.
	util := mmu.MutatorUtilizationV2(events, mmu.UtilSTW|mmu.UtilBackground|mmu.UtilAssist|mmu.UtilSweep)
	windowNs := int64(last.Sub(start))
	for name, w := range map[string]time.Duration{"1ms": time.Millisecond, "10ms": 10 * time.Millisecond} {
		s.MMU[name] = nil
		if len(util) > 0 && windowNs >= int64(w) {
			v := mmu.NewMMUCurve(trimUtil(util, int64(start))).MMU(w)
			s.MMU[name] = &v
		}
	}
	return s, nil
}

func isGCSTW(name string) bool {
	return strings.HasPrefix(name, "stop-the-world") && strings.Contains(name, "GC")
}

// timedStart is where the benchmark's last run begins: the testing package runs each b.N in a new goroutine
// that first calls runtime.GC() (testing's runN) and then the benchmark. That goroutine is the one that waited
// for the trace's last forced GC cycle (a benchmark calling runtime.GC() itself waits on its own goroutine too);
// the run begins when the first cycle it waited for has ended (its mark-termination pause). Without a forced
// cycle (not a test binary's benchmark run), the whole trace.
func timedStart(events []trace.Event) trace.Time {
	type cycle struct {
		waiter trace.GoID
		end    trace.Time
	}
	var cycles []cycle
	inMark := false
	stwOpen := map[trace.GoID]bool{}
	for _, ev := range events {
		switch ev.Kind() {
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				break
			}
			// runtime.GC() blocks until the cycle it started ends (the runtime's traceBlockUntilGCEnds).
			if _, to := st.Goroutine(); inMark && len(cycles) > 0 && to == trace.GoWaiting && st.Reason == "wait until GC ends" {
				cycles[len(cycles)-1].waiter = st.Resource.Goroutine()
			}
		case trace.EventRangeActive, trace.EventRangeBegin, trace.EventRangeEnd:
			rg := ev.Range()
			switch {
			case rg.Name == "GC concurrent mark phase":
				inMark = ev.Kind() != trace.EventRangeEnd
				if inMark {
					cycles = append(cycles, cycle{waiter: trace.NoGoroutine})
				}
			case isGCSTW(rg.Name) && rg.Scope.Kind == trace.ResourceGoroutine:
				g := rg.Scope.Goroutine()
				if ev.Kind() != trace.EventRangeEnd {
					stwOpen[g] = true
				} else if stwOpen[g] && len(cycles) > 0 && strings.Contains(rg.Name, "mark termination") {
					cycles[len(cycles)-1].end = ev.Time()
					delete(stwOpen, g)
				}
			}
		}
	}
	runner := trace.NoGoroutine
	for i := len(cycles) - 1; i >= 0 && runner == trace.NoGoroutine; i-- {
		runner = cycles[i].waiter
	}
	if runner == trace.NoGoroutine {
		return events[0].Time()
	}
	for _, c := range cycles {
		if c.waiter == runner && c.end != 0 {
			return c.end
		}
	}
	return events[0].Time()
}

// trimUtil cuts a utilisation function to the times from t on, the value in force at t starting it.
func trimUtil(util [][]mmu.MutatorUtil, t int64) [][]mmu.MutatorUtil {
	out := make([][]mmu.MutatorUtil, 0, len(util))
	for _, u := range util {
		if len(u) == 0 || u[len(u)-1].Time < t {
			continue
		}
		i := 0
		for i+1 < len(u) && u[i+1].Time <= t {
			i++
		}
		cut := append([]mmu.MutatorUtil{}, u[i:]...)
		if cut[0].Time < t {
			cut[0].Time = t
		}
		out = append(out, cut)
	}
	return out
}

// downsample keeps at most n points: the series cut into n spans of time, each span's highest point (a chart of
// the heap should show its peaks), always the first and last points.
func downsample(pts [][2]int64, n int) [][2]int64 {
	if len(pts) <= n {
		if pts == nil {
			return [][2]int64{}
		}
		return pts
	}
	t0, t1 := pts[0][0], pts[len(pts)-1][0]
	span := float64(t1-t0) / float64(n-2)
	out := [][2]int64{pts[0]}
	best := -1
	bucket := 0
	for i := 1; i < len(pts)-1; i++ {
		b := int(float64(pts[i][0]-t0) / span)
		if b != bucket && best >= 0 {
			out = append(out, pts[best])
			best = -1
		}
		bucket = b
		if best < 0 || pts[i][1] > pts[best][1] {
			best = i
		}
	}
	if best >= 0 {
		out = append(out, pts[best])
	}
	out = append(out, pts[len(pts)-1])
	if len(out) > n { // spans rounding at the edges: drop the surplus evenly
		keep := make([][2]int64, 0, n)
		for i := 0; i < n; i++ {
			keep = append(keep, out[i*(len(out)-1)/(n-1)])
		}
		out = keep
	}
	return out
}
