// heapscope's version: the one place it is written (a test checks package.json agrees). Reports carry it, and the
// finished-report cache keys on it.
export const VERSION = '0.1.0';
