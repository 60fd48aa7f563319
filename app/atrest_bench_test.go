package app_test

import (
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// BenchmarkAtRest measures what encryption at rest costs (issue 19: each
// figure at most 1.5 times the plaintext one): the same work on a plaintext
// workspace and on an encrypted one, side by side on the same data, in one
// run so that the machine's noise touches both alike. It reports each
// figure of both and their ratio (…-x = encrypted / plaintext), and the
// encrypted evidence add against sha256sum (at least 70%).
//
//	go test ./app/ -run '^$' -bench AtRest -benchtime 1x -timeout 60m
func BenchmarkAtRest(b *testing.B) {
	const cases = 20000
	src := gigabyteFile(b)
	start := time.Now()
	if out, err := exec.Command("sha256sum", src).CombinedOutput(); err != nil {
		b.Fatalf("sha256sum: %v: %s", err, out)
	}
	sumSeconds := time.Since(start).Seconds()

	for b.Loop() {
		plain := measureAtRest(b, false, cases, src)
		encrypted := measureAtRest(b, true, cases, src)
		for _, name := range []string{"demo", "index", "caselist", "verify", "evidence", "dossier"} {
			b.ReportMetric(plain[name], name+"-plain-s")
			b.ReportMetric(encrypted[name], name+"-encrypted-s")
			b.ReportMetric(encrypted[name]/plain[name], name+"-x")
		}
		b.ReportMetric(sumSeconds/encrypted["evidence"], "evidence-encrypted-vs-sha256sum")
		b.ReportMetric(sumSeconds/plain["evidence"], "evidence-plain-vs-sha256sum")
	}
}

// measureAtRest times, in seconds, each piece of work on a new workspace,
// encrypted or not.
func measureAtRest(b *testing.B, encrypted bool, cases int, src string) map[string]float64 {
	path := filepath.Join(b.TempDir(), "w.db")
	pass := []byte("benchmark passphrase, long enough")
	open := func() *app.Workspace {
		var w *app.Workspace
		var err error
		if encrypted {
			w, err = app.Unlock(ctx, path, pass)
		} else {
			w, err = app.Open(ctx, path)
		}
		if err != nil {
			b.Fatal(err)
		}
		return w
	}
	var w *app.Workspace
	var err error
	if encrypted {
		w, _, err = app.Create(ctx, path, pass, false)
	} else {
		w, err = app.Open(ctx, path)
	}
	if err != nil {
		b.Fatal(err)
	}
	took := map[string]float64{}
	timed := func(name string, fn func()) {
		start := time.Now()
		fn()
		took[name] = time.Since(start).Seconds()
	}
	// Work that takes well under a second is timed five times and the
	// median kept: one sample of 30 ms is mostly the machine's noise.
	median := func(name string, fn func()) {
		var runs []float64
		for range 5 {
			timed(name, fn)
			runs = append(runs, took[name])
		}
		slices.Sort(runs)
		took[name] = runs[len(runs)/2]
	}
	timed("demo", func() {
		if _, err := demo.Fill(ctx, w, demo.Options{Cases: cases, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	})
	w.Close()

	w = open()
	defer w.Close()
	timed("index", func() {
		w.IndexInBackground()
		<-w.IndexReady()
	})
	var list []model.Case
	median("caselist", func() {
		if list, err = w.Cases(ctx, model.CaseFilter{}); err != nil {
			b.Fatal(err)
		}
	})
	if len(list) != cases {
		b.Fatalf("case list has %d cases, want %d", len(list), cases)
	}
	timed("verify", func() {
		v, err := w.Verify(ctx, nil)
		if err != nil || !v.OK() {
			b.Fatalf("verify: %v %q", err, v.Problems)
		}
	})
	timed("evidence", func() {
		if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: list[0].ID, Description: "CCTV export, gate 4",
			Kind: model.EvidenceDigital}, src); err != nil {
			b.Fatal(err)
		}
	})
	median("dossier", func() {
		out := filepath.Join(b.TempDir(), "dossier.pdf")
		if _, err := dossier.RenderToFile(ctx, w, list[0].Ref, out, false, dossier.Options{}); err != nil {
			b.Fatal(err)
		}
	})
	return took
}

// gigabyteFile writes 1 GB of random bytes, the size the evidence add is
// measured at.
func gigabyteFile(b *testing.B) string {
	src := filepath.Join(b.TempDir(), "cctv-export.bin")
	f, err := os.Create(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := io.CopyN(f, rand.NewChaCha8([32]byte{1}), 1<<30); err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	return src
}
