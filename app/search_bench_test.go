package app_test

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
)

// BenchmarkIndexFromWorkspace builds the search index from a workspace file
// of about a million records (demo cases plus extra entities), as the window
// does when it opens. Filling the file takes minutes: `make bench` only.
func BenchmarkIndexFromWorkspace(b *testing.B) {
	path := filepath.Join(b.TempDir(), "million.db")
	w, err := app.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	stats, err := demo.Fill(ctx, w, demo.Options{Cases: 20000, Seed: 1, Entities: 900000})
	if err != nil {
		b.Fatal(err)
	}
	w.Close()
	records := stats.Cases + stats.Seizures + stats.Entities + stats.Tasks + stats.Notes
	b.ResetTimer()
	for b.Loop() {
		w, err := app.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		w.IndexInBackground()
		<-w.IndexReady()
		b.ReportMetric(time.Since(start).Seconds(), "build-s")
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "index-MB")
		b.ReportMetric(float64(records), "records")
		if _, err := w.Search(ctx, "munoz rojas", app.SearchOptions{}); err != nil {
			b.Fatal(err)
		}
		w.Close()
	}
}
