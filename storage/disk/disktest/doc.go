// Package disktest helps the Windows tests of storage and app, which run
// under Wine (make test-windows): a temporary folder Wine can tidy away,
// and a file held open as another program holds it. The tests of package
// disk itself keep their own copies, since importing this from there would
// be an import cycle.
package disktest
