import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDecls } from '../../src/parsers/go-decls.js';

const SRC = `package x

import (
	"bytes"
	js "encoding/json" // a comment with type Fake map[int]int
	. "fmt"
)
import "io"

/* type Hidden []int */
type Labels map[string]string
type (
	Names []string
	Pair  struct {
		a, b int
		m    map[int]int
	}
	Arr         [4]int
	L2          Labels
	Gen[T any]  []T
	Alias       = map[int]bool
	Ext         js.RawMessage
	F           func(int) []int
)

func f() {
type Local map[int]int
	_ = "type Bad map[int]int"
}

var v = map[string]int{
	"a": 1,
}

type After []byte
`;

test('top-level type declarations: maps, slices, others and types named by another name', () => {
  assert.deepEqual(Object.fromEntries(parseGoDecls(SRC).types), {
    Labels: 'map',
    Names: 'slice',
    Pair: 'other',
    Arr: 'other',
    L2: '=Labels',
    Gen: 'slice',
    Alias: 'map',
    Ext: '=js.RawMessage',
    F: 'other',
    After: 'slice',
  });
});

test('imports, with the names given to them', () => {
  assert.deepEqual(parseGoDecls(SRC).imports, [
    { name: '', path: 'bytes' },
    { name: 'js', path: 'encoding/json' },
    { name: '.', path: 'fmt' },
    { name: '', path: 'io' },
  ]);
});
