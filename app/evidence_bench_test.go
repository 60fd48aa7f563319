package app_test

import (
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
)

// BenchmarkAddEvidenceOneGigabyte adds a 1 GB attachment to an exhibit
// through the app, copy, hash and commit included, and compares it with
// sha256sum reading the same file (issue 6: at least 80% of its speed).
// TMPDIR chooses the disk.
//
//	go test ./app/ -run '^$' -bench AddEvidenceOneGigabyte -benchtime 3x -benchmem
func BenchmarkAddEvidenceOneGigabyte(b *testing.B) {
	const size = 1 << 30
	dir := b.TempDir()
	src := filepath.Join(dir, "cctv-export.bin")
	f, err := os.Create(src)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.CopyN(f, rand.NewChaCha8([32]byte{1}), size); err != nil {
		b.Fatal(err)
	}
	f.Sync()
	f.Close()
	start := time.Now()
	if out, err := exec.Command("sha256sum", src).CombinedOutput(); err != nil {
		b.Fatalf("sha256sum: %v: %s", err, out)
	}
	sumSeconds := time.Since(start).Seconds()

	b.SetBytes(size)
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		w, err := app.Open(ctx, filepath.Join(b.TempDir(), "w.db"))
		if err != nil {
			b.Fatal(err)
		}
		w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "ESA"})
		c, err := w.CreateCase(ctx, model.Case{Title: "CCTV of the terminal", Corridor: model.CorridorEULAC,
			ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "CCTV export, gate 4",
			Kind: model.EvidenceDigital}, src); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
	perAdd := elapsed.Seconds() / float64(b.N)
	b.ReportMetric(sumSeconds, "sha256sum-s")
	b.ReportMetric(perAdd, "add-s")
	b.ReportMetric(sumSeconds/perAdd, "speed-vs-sha256sum")
}

// BenchmarkVerify checks a workspace of more than 100,000 audit entries:
// the chain walked, every record compared with its last entry (issue 6:
// at most 2 s).
//
//	go test ./app/ -run '^$' -bench Verify -benchtime 3x
func BenchmarkVerify(b *testing.B) {
	w, err := app.Open(ctx, filepath.Join(b.TempDir(), "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 5200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var v app.Verification
	for b.Loop() {
		if v, err = w.Verify(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
	if !v.OK() || v.Entries < 100000 {
		b.Fatalf("verified %d entries, problems %q; want over 100,000 and none", v.Entries, v.Problems)
	}
	b.ReportMetric(float64(v.Entries), "entries")
	b.ReportMetric(float64(v.Records), "records")
}
