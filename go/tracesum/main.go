// tracesum summarises one Go execution trace (a test binary's -test.trace file) as one JSON object on standard
// output, for heapscope's `bench --trace` (src/runners/trace-pass.ts; the JSON's reader is
// src/parsers/trace-summary-json.ts). It reads the trace with golang.org/x/exp/trace, the exported copy of the
// toolchain's own reader (internal/trace), and computes the minimum mutator utilisation with the toolchain's own
// code (./mmu, copied from internal/trace). A trace it cannot read prints {"error": "..."} and exits 1.
//
// Usage: tracesum <trace file>
//
// The whole trace is held in memory (the MMU computation takes every event at once), about 400 bytes an event:
// a trace of more than maxEvents is refused (heapscope traces a shorter run instead).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/exp/trace"

	"heapscope/tracesum/mmu"
)

// maxHeapPoints bounds the heap-over-time series: the report draws it, it does not need every GC's samples.
const maxHeapPoints = 200

// maxEvents bounds the helper's memory (about 400 MB); heapscope's trace passes aim well below it.
const maxEvents = 1_000_000

type summary struct {
	// Version of this output's shape: the TS parser refuses any other.
	Format int `json:"format"`
	// Nanoseconds from the trace's first event to its last.
	DurationNs int64 `json:"durationNs"`
	Events     int   `json:"events"`
	// Goroutines that came to exist during the trace (GoCreate), not the ones it found running.
	GoroutinesCreated int `json:"goroutinesCreated"`
	// Where the benchmark's last run (the timed loop at b.N) begins and ends, in ns from the first event: every
	// figure below is of that span, leaving out the testing package's own runtime.GC() calls and b.N probes.
	WindowStartNs int64 `json:"windowStartNs"`
	WindowEndNs   int64 `json:"windowEndNs"`
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
			s, err = nil, fmt.Errorf("go/tracesum failed: %v (%s)", p, firstFrame(debug.Stack()))
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
		if len(events) > maxEvents {
			return nil, fmt.Errorf("too large: more than %d events", maxEvents)
		}
	}
	if len(events) == 0 {
		return nil, errors.New("the trace holds no events")
	}
	first, last := events[0].Time(), events[len(events)-1].Time()
	start, end := timedRun(events)
	s.Events = len(events)
	s.DurationNs = int64(last.Sub(first))
	s.WindowStartNs = int64(start.Sub(first))
	s.WindowEndNs = int64(end.Sub(first))
	// Open ranges: STW and assists per goroutine (their scope), the GC's mark phase globally.
	stwBegin := map[trace.GoID]trace.Time{}
	assistBegin := map[trace.GoID]trace.Time{}
	var heap [][2]int64
	var heapBefore int64 = -1
	for _, ev := range events {
		if ev.Time() < start && ev.Kind() == trace.EventMetric && ev.Metric().Name == "/memory/classes/heap/objects:bytes" {
			heapBefore = int64(ev.Metric().Value.Uint64())
		}
		if ev.Time() < start || ev.Time() > end {
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
	// Assists still open when the run ended count up to its end.
	for _, t := range assistBegin {
		s.AssistNs += int64(end.Sub(t))
	}
	// The heap is sampled when it changes much (at GC events): the value in force when the run began starts the
	// series, and the last one ends it at the run's end, so that a run without a GC still has its (flat) line.
	if heapBefore >= 0 && (len(heap) == 0 || heap[0][0] > 0) {
		heap = append([][2]int64{{0, heapBefore}}, heap...)
	}
	if n := len(heap); n > 0 && heap[n-1][0] < int64(end.Sub(start)) {
		heap = append(heap, [2]int64{int64(end.Sub(start)), heap[n-1][1]})
	}
	s.Heap = downsample(heap, maxHeapPoints)
	// Utilisation over the whole trace (the computation needs its beginning: GOMAXPROCS, goroutine states), then
	// the MMU of the timed run's part of it.
	util := mmu.MutatorUtilizationV2(events, mmu.UtilSTW|mmu.UtilBackground|mmu.UtilAssist|mmu.UtilSweep)
	windowNs := int64(end.Sub(start))
	for name, w := range map[string]time.Duration{"1ms": time.Millisecond, "10ms": 10 * time.Millisecond} {
		s.MMU[name] = nil
		if len(util) > 0 && windowNs >= int64(w) {
			v := mmu.NewMMUCurve(trimUtil(util, int64(start), int64(end))).MMU(w)
			s.MMU[name] = &v
		}
	}
	return s, nil
}

// firstFrame is where in go/tracesum a panic happened: the first frame of ours (or the trace reader's) below it.
func firstFrame(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+3 < len(lines) {
			return strings.TrimSpace(lines[i+2]) + " " + strings.TrimSpace(strings.Fields(lines[i+3])[0])
		}
	}
	return "no stack"
}

func isGCSTW(name string) bool {
	return strings.HasPrefix(name, "stop-the-world") && strings.Contains(name, "GC")
}

// timedRun is the benchmark's last run, the timed loop at its final b.N. The testing package runs each b.N in
// a new goroutine that calls runtime.GC() (testing's runN), then b.StartTimer (runtime.ReadMemStats, a
// "read mem stats" pause) before the loop and b.StopTimer (another) after it. That goroutine is the one that
// waited for the trace's last forced GC cycle (a benchmark calling runtime.GC() itself waits on its own goroutine
// too); the run begins at its first memory-statistics pause after the first cycle it waited for, and ends at its
// last. Without these marks (not a test binary's benchmark run), the whole trace.
func timedRun(events []trace.Event) (start, end trace.Time) {
	start, end = events[0].Time(), events[len(events)-1].Time()
	type cycle struct {
		waiter trace.GoID
		end    trace.Time
	}
	var cycles []cycle
	inMark := false
	type pause struct {
		g          trace.GoID
		begin, end trace.Time
	}
	var stats []pause
	open := map[trace.GoID]trace.Time{}
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
			if rg.Name == "GC concurrent mark phase" {
				inMark = ev.Kind() != trace.EventRangeEnd
				if inMark {
					cycles = append(cycles, cycle{waiter: trace.NoGoroutine})
				}
				break
			}
			if rg.Scope.Kind != trace.ResourceGoroutine || !strings.HasPrefix(rg.Name, "stop-the-world") {
				break
			}
			g := rg.Scope.Goroutine()
			if ev.Kind() != trace.EventRangeEnd {
				open[g] = ev.Time()
				break
			}
			if b, ok := open[g]; ok && strings.Contains(rg.Name, "mark termination") && len(cycles) > 0 {
				cycles[len(cycles)-1].end = ev.Time()
			} else if ok && rg.Name == "stop-the-world (read mem stats)" {
				stats = append(stats, pause{g, b, ev.Time()})
			}
			delete(open, g)
		}
	}
	runner := trace.NoGoroutine
	for i := len(cycles) - 1; i >= 0 && runner == trace.NoGoroutine; i-- {
		runner = cycles[i].waiter
	}
	if runner == trace.NoGoroutine {
		return start, end
	}
	var after trace.Time
	for _, c := range cycles {
		if c.waiter == runner && c.end != 0 {
			after = c.end
			break
		}
	}
	if after == 0 {
		return start, end
	}
	start = after
	var own []pause
	for _, p := range stats {
		if p.g == runner && p.begin >= after {
			own = append(own, p)
		}
	}
	if len(own) > 0 {
		start = own[0].end
	}
	if len(own) > 1 {
		end = own[len(own)-1].begin
	}
	return start, end
}

// trimUtil cuts a utilisation function to the times from t to u, the value in force at t starting it and a
// final 0 at u (as MutatorUtilizationV2 ends each function: no window reaches past it).
func trimUtil(util [][]mmu.MutatorUtil, t, u int64) [][]mmu.MutatorUtil {
	out := make([][]mmu.MutatorUtil, 0, len(util))
	for _, f := range util {
		if len(f) == 0 || f[len(f)-1].Time < t {
			continue
		}
		i := 0
		for i+1 < len(f) && f[i+1].Time <= t {
			i++
		}
		cut := []mmu.MutatorUtil{{Time: t, Util: f[i].Util}}
		for _, m := range f[i+1:] {
			if m.Time >= u {
				break
			}
			cut = append(cut, m)
		}
		out = append(out, append(cut, mmu.MutatorUtil{Time: u, Util: 0}))
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
