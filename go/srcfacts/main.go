// srcfacts reads Go source files with go/parser and prints, for each, the facts about its structure that
// heapscope needs beside the compiler's decisions: where functions, loops and package-level initialisers are,
// which code runs only on error or panic paths, what is called inside loops, which functions of other packages
// are called, which functions are generic and which are benchmarks. It decides nothing the compiler decides.
//
// Input: file paths as arguments. Output: one JSON object per file, in the order given, on stdout.
// A file that cannot be read or parsed gets {"file": ..., "error": ...}; the others are still read.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// Span is [line, column, endLine, endColumn], 1-based, columns in bytes as the compiler counts them.
type Span [4]int

type Func struct {
	// Name as the compiler prints it: F, T.M, (*T).M; a generic's type parameters left out.
	Name    string   `json:"name"`
	At      Span     `json:"at"`
	Results []string `json:"results"`
	Generic bool     `json:"generic,omitempty"`
}

type Cold struct {
	At  Span   `json:"at"`
	Why string `json:"why"`
}

type Init struct {
	Names []string `json:"names"`
	At    Span     `json:"at"`
}

type Call struct {
	Path string `json:"path"`
	Name string `json:"name"`
	At   Span   `json:"at"`
}

// Directive is a //heapscope: comment. A directive in a function's doc comment governs the function (Func, FuncAt);
// any other governs a line: its own when code comes before it on the line, else the next line that holds code
// (Line 0 when no code follows).
type Directive struct {
	Text   string `json:"text"`
	At     Span   `json:"at"`
	Line   int    `json:"line"`
	Func   string `json:"func,omitempty"`
	FuncAt *Span  `json:"funcAt,omitempty"`
}

type File struct {
	File       string         `json:"file"`
	Error      string         `json:"error,omitempty"`
	Funcs      []Func         `json:"funcs"`
	Cold       []Cold         `json:"cold"`
	Loops      []Span         `json:"loops"`
	Inits      []Init         `json:"inits"`
	LoopCalls  []string       `json:"loopCalls"`
	CallNames  map[string]int `json:"callNames"`
	Calls      []Call         `json:"calls"`
	Benchmarks []string       `json:"benchmarks"`
	Directives []Directive    `json:"directives"`
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	// Files are parsed in parallel and printed in input order: each line's result waits in its own channel.
	results := make(chan chan []byte, 256)
	done := make(chan struct{})
	go func() {
		for r := range results {
			out.Write(<-r)
			out.WriteByte('\n')
		}
		close(done)
	}()
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, path := range os.Args[1:] {
		path := path
		r := make(chan []byte, 1)
		results <- r
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			b, err := json.Marshal(read(path))
			if err != nil {
				b, _ = json.Marshal(File{File: path, Error: err.Error()})
			}
			r <- b
		}()
	}
	wg.Wait()
	close(results)
	<-done
}

func read(path string) File {
	f := File{File: path, Funcs: []Func{}, Cold: []Cold{}, Loops: []Span{}, Inits: []Init{}, LoopCalls: []string{}, CallNames: map[string]int{}, Calls: []Call{}, Benchmarks: []string{}, Directives: []Directive{}}
	src, err := os.ReadFile(path)
	if err != nil {
		f.Error = err.Error()
		return f
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution|parser.ParseComments)
	if err != nil {
		f.Error = err.Error()
		return f
	}
	r := &reader{fset: fset, out: &f, imports: map[string]string{}}
	for _, im := range file.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			continue
		}
		name := p[strings.LastIndex(p, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		r.imports[name] = p
	}
	isTest := strings.HasSuffix(path, "_test.go")
	r.panics = map[string]bool{}
	for _, d := range file.Decls {
		if d, ok := d.(*ast.FuncDecl); ok && d.Body != nil && len(d.Body.List) > 0 && isPanic(d.Body.List[len(d.Body.List)-1]) {
			r.panics[d.Name.Name] = true
		}
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			fn := Func{Name: funcName(d), At: r.span(d.Name.Pos(), d.End()), Results: resultNames(d.Type), Generic: isGeneric(d)}
			f.Funcs = append(f.Funcs, fn)
			if isTest && d.Recv == nil && strings.HasPrefix(d.Name.Name, "Benchmark") && d.Type.Params.NumFields() == 1 {
				f.Benchmarks = append(f.Benchmarks, d.Name.Name)
			}
			if d.Body != nil {
				r.walk(d.Body, returnsError(d.Type), 0)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok || d.Tok != token.VAR || len(vs.Values) == 0 {
					continue
				}
				names := make([]string, len(vs.Names))
				for i, n := range vs.Names {
					names[i] = n.Name
				}
				f.Inits = append(f.Inits, Init{Names: names, At: r.span(vs.Values[0].Pos(), vs.Values[len(vs.Values)-1].End())})
				for _, v := range vs.Values {
					r.walk(v, false, 0)
				}
			}
		}
	}
	if bytes.Contains(src, []byte("//heapscope:")) {
		f.Directives = directives(fset, file, src, r)
	}
	return f
}

const directivePrefix = "//heapscope:"

// directives finds the //heapscope: comments: those in a function's doc comment belong to the function, the
// others to the line they govern, found from where the file's tokens are.
func directives(fset *token.FileSet, file *ast.File, src []byte, r *reader) []Directive {
	doc := map[*ast.Comment]*ast.FuncDecl{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			for _, c := range fd.Doc.List {
				doc[c] = fd
			}
		}
	}
	// The first column of code on each line (comments are not tokens to the scanner without ScanComments).
	firstCode := map[int]int{}
	var sc scanner.Scanner
	tf := fset.File(file.Pos())
	sc.Init(tf, src, nil, 0)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		// The scanner inserts a semicolon at a line's end; it is not code of its own.
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		p := fset.Position(pos)
		if c, ok := firstCode[p.Line]; !ok || p.Column < c {
			firstCode[p.Line] = p.Column
		}
	}
	lastLine := tf.LineCount()
	out := []Directive{}
	for _, g := range file.Comments {
		for _, c := range g.List {
			if !strings.HasPrefix(c.Text, directivePrefix) {
				continue
			}
			d := Directive{Text: strings.TrimSpace(c.Text[len(directivePrefix):]), At: r.span(c.Pos(), c.End())}
			if fd, ok := doc[c]; ok {
				d.Func = funcName(fd)
				at := r.span(fd.Name.Pos(), fd.End())
				d.FuncAt = &at
			} else {
				p := fset.Position(c.Pos())
				if col, ok := firstCode[p.Line]; ok && col < p.Column {
					d.Line = p.Line
				} else {
					for l := p.Line + 1; l <= lastLine; l++ {
						if _, ok := firstCode[l]; ok {
							d.Line = l
							break
						}
					}
				}
			}
			out = append(out, d)
		}
	}
	return out
}

type reader struct {
	fset    *token.FileSet
	out     *File
	imports map[string]string
	// Functions and methods of the file whose body ends in panic (fmt's `func (s *ss) errorString(err string) {
	// panic(...) }`): a branch that ends calling one is a panic path too. By name, as loop calls are.
	panics map[string]bool
}

func (r *reader) span(from, to token.Pos) Span {
	a, b := r.fset.Position(from), r.fset.Position(to)
	return Span{a.Line, a.Column, b.Line, b.Column}
}

func (r *reader) cold(from, to token.Pos, why string) {
	r.out.Cold = append(r.out.Cold, Cold{At: r.span(from, to), Why: why})
}

// walk visits n; errResult says whether the enclosing function's last result is an error, loops how many loop
// bodies enclose n. A func literal starts a function of its own.
func (r *reader) walk(n ast.Node, errResult bool, loops int) {
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			r.walk(x.Body, returnsError(x.Type), loops)
			return false
		case *ast.ForStmt:
			for _, part := range []ast.Node{x.Init, x.Cond, x.Post} {
				if part != nil {
					r.walk(part, errResult, loops)
				}
			}
			r.out.Loops = append(r.out.Loops, r.span(x.Body.Pos(), x.Body.End()))
			r.walk(x.Body, errResult, loops+1)
			return false
		case *ast.RangeStmt:
			r.walk(x.X, errResult, loops)
			r.out.Loops = append(r.out.Loops, r.span(x.Body.Pos(), x.Body.End()))
			r.walk(x.Body, errResult, loops+1)
			return false
		case *ast.CallExpr:
			r.call(x, loops)
		case *ast.IfStmt:
			r.branch(x.Body.List, span{x.Body.Pos(), x.Body.End()}, errResult, x.Cond)
			if b, ok := x.Else.(*ast.BlockStmt); ok {
				r.branch(b.List, span{b.Pos(), b.End()}, errResult, nil)
			}
		case *ast.CaseClause:
			// The body only: the case expressions are evaluated whichever branch is taken.
			if len(x.Body) > 0 {
				r.branch(x.Body, span{x.Colon + 1, x.End()}, errResult, nil)
			}
		case *ast.CommClause:
			if len(x.Body) > 0 {
				r.branch(x.Body, span{x.Colon + 1, x.End()}, errResult, nil)
			}
		case *ast.ReturnStmt:
			if errResult && len(x.Results) > 0 {
				if last := x.Results[len(x.Results)-1]; constructsError(last) {
					r.cold(last.Pos(), last.End(), "error-value-returned")
				}
			}
		}
		return true
	})
}

func (r *reader) call(c *ast.CallExpr, loops int) {
	// A generic function instantiated explicitly: F[T](...) or pkg.F[T](...).
	fun, _ := withoutTypeArgs(unparen(c.Fun))
	name := ""
	switch f := fun.(type) {
	case *ast.Ident:
		name = f.Name
		if name == "panic" && len(c.Args) > 0 {
			r.cold(c.Lparen+1, c.Rparen, "panic-argument")
		}
	case *ast.SelectorExpr:
		name = f.Sel.Name
		if isFatal(name) && len(c.Args) > 0 {
			r.cold(c.Lparen+1, c.Rparen, "fatal-argument")
		}
		if id, ok := f.X.(*ast.Ident); ok {
			if p, ok := r.imports[id.Name]; ok {
				r.out.Calls = append(r.out.Calls, Call{Path: p, Name: name, At: r.span(c.Pos(), c.End())})
			}
		}
	}
	if name != "" {
		r.out.CallNames[name]++
	}
	if loops > 0 && name != "" {
		r.out.LoopCalls = append(r.out.LoopCalls, name)
	}
}

type span struct{ from, to token.Pos }

// branch marks a branch's body cold when its last statement leaves on an error or panic path: a panic, a fatal
// log call, os.Exit, or a return of an error that is constructed there or that the condition tested non-nil.
// A body that can also leave successfully (a nested return of a nil error) is not cold.
func (r *reader) branch(list []ast.Stmt, body span, errResult bool, cond ast.Expr) {
	if len(list) == 0 {
		return
	}
	why := ""
	switch last := list[len(list)-1].(type) {
	case *ast.ExprStmt:
		if c, ok := unparen(last.X).(*ast.CallExpr); ok {
			switch f := unparen(c.Fun).(type) {
			case *ast.Ident:
				if f.Name == "panic" || r.panics[f.Name] {
					why = "branch-panics"
				}
			case *ast.SelectorExpr:
				if r.panics[f.Sel.Name] {
					why = "branch-panics"
				} else if isFatal(f.Sel.Name) {
					why = "branch-fatal"
				} else if id, ok := f.X.(*ast.Ident); ok && id.Name == "os" && f.Sel.Name == "Exit" {
					why = "branch-exits"
				}
			}
		}
	case *ast.ReturnStmt:
		if errResult && len(last.Results) > 0 {
			res := unparen(last.Results[len(last.Results)-1])
			if constructsError(res) || (cond != nil && testedNonNil(cond, res)) {
				why = "branch-returns-error"
			}
		}
	}
	if _, ok := list[len(list)-1].(*ast.ReturnStmt); ok && why == "" && handsOnError(list) {
		why = "branch-records-error"
	}
	if why != "" && !(errResult && returnsNilError(list)) {
		r.cold(body.from, body.to, why)
	}
}

// isPanic: the statement is a call of panic.
func isPanic(st ast.Stmt) bool {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := unparen(c.Fun).(*ast.Ident)
	return ok && id.Name == "panic"
}

// handsOnError: a statement of the branch passes an error it makes (errors.New, fmt.Errorf) to a call, as
// `b.SetError(errors.New(...)); return` does where the error is recorded rather than returned.
func handsOnError(list []ast.Stmt) bool {
	for _, st := range list {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		c, ok := unparen(es.X).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, a := range c.Args {
			if ac, ok := unparen(a).(*ast.CallExpr); ok {
				if f, ok := unparen(ac.Fun).(*ast.SelectorExpr); ok {
					if id, ok := f.X.(*ast.Ident); ok && (id.Name == "fmt" && f.Sel.Name == "Errorf" || id.Name == "errors" && f.Sel.Name == "New") {
						return true
					}
				}
			}
		}
	}
	return false
}

// returnsNilError: some return among the statements (outside func literals) returns a nil error, a way out of
// the branch that is no error path.
func returnsNilError(list []ast.Stmt) bool {
	found := false
	for _, st := range list {
		ast.Inspect(st, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(x.Results) > 0 {
					if id, ok := unparen(x.Results[len(x.Results)-1]).(*ast.Ident); ok && id.Name == "nil" {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

func isFatal(name string) bool {
	switch name {
	case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
		return true
	}
	return false
}

// constructsError: an error value made in the return statement itself (fmt.Errorf, errors.New, a composite
// literal or its address, a call to a function named as an error constructor).
func constructsError(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.CallExpr:
		name := ""
		switch f := unparen(e.Fun).(type) {
		case *ast.Ident:
			name = f.Name
		case *ast.SelectorExpr:
			if id, ok := f.X.(*ast.Ident); ok && (id.Name == "fmt" && f.Sel.Name == "Errorf" || id.Name == "errors" && f.Sel.Name == "New") {
				return true
			}
			name = f.Sel.Name
		}
		l := strings.ToLower(name)
		return strings.HasSuffix(l, "error") || strings.HasSuffix(l, "errorf") || strings.HasPrefix(l, "newerr") || strings.HasPrefix(l, "err")
	}
	return false
}

// testedNonNil: the branch's condition requires `X != nil` for the X it returns: the condition itself, or a
// term of an && chain (under || the branch is also taken with X nil).
func testedNonNil(cond ast.Expr, res ast.Expr) bool {
	want := exprKey(res)
	if want == "" {
		return false
	}
	switch c := unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return testedNonNil(c.X, res) || testedNonNil(c.Y, res)
		case token.NEQ:
			id, ok := unparen(c.Y).(*ast.Ident)
			return ok && id.Name == "nil" && exprKey(c.X) == want
		}
	}
	return false
}

func exprKey(e ast.Expr) string {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x := exprKey(e.X); x != "" {
			return x + "." + e.Sel.Name
		}
	}
	return ""
}

func returnsError(t *ast.FuncType) bool {
	if t.Results == nil || len(t.Results.List) == 0 {
		return false
	}
	id, ok := t.Results.List[len(t.Results.List)-1].Type.(*ast.Ident)
	return ok && id.Name == "error"
}

// resultNames: one entry per result, "" where unnamed (the compiler calls those ~r0, ~r1, ... by index).
func resultNames(t *ast.FuncType) []string {
	out := []string{}
	if t.Results == nil {
		return out
	}
	for _, f := range t.Results.List {
		if len(f.Names) == 0 {
			out = append(out, "")
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

func isGeneric(d *ast.FuncDecl) bool {
	if d.Type.TypeParams != nil && d.Type.TypeParams.NumFields() > 0 {
		return true
	}
	if d.Recv != nil && len(d.Recv.List) > 0 {
		t := d.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		_, generic := withoutTypeArgs(t)
		return generic
	}
	return false
}

// withoutTypeArgs: F for F[T] and F[T, U], and whether there were type arguments.
func withoutTypeArgs(e ast.Expr) (ast.Expr, bool) {
	switch x := e.(type) {
	case *ast.IndexExpr:
		return x.X, true
	case *ast.IndexListExpr:
		return x.X, true
	}
	return e, false
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, true
	}
	t, _ = withoutTypeArgs(t)
	name := "?"
	if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	if star {
		return "(*" + name + ")." + d.Name.Name
	}
	return name + "." + d.Name.Name
}

// unparen is ast.Unparen, which needs go1.22.
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
