package exchange_test

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// TestCasePackageRoundTrip exports a demo case with a real file as a package
// encrypted to the partner's key and imports it there: every record, file
// and hash is the same, and only the right key opens it.
func TestCasePackageRoundTrip(t *testing.T) {
	a, b, stranger := mustOpen(t, "BEC"), mustOpen(t, "ESA"), mustOpen(t, "PTA")
	ref := demoCase(t, a)
	recipient, err := b.AgeRecipient(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	x, err := exchange.ExportPackage(ctx, a, pkg, exchange.Encryption{Recipients: []string{recipient}}, ref)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if !x.Encrypted || x.Files != 1 || x.Size == 0 {
		t.Fatalf("exported %+v", x)
	}

	if _, err := exchange.ImportPackage(ctx, stranger, pkg, exchange.ImportOptions{Trust: true}); !errors.Is(err, exchange.ErrWrongKey) && !errors.Is(err, exchange.ErrNeedsKey) {
		t.Fatalf("another workspace opened a package encrypted to B: %v", err)
	}
	if _, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{}); !errors.Is(err, exchange.ErrUnknownSigner) {
		t.Fatalf("an unknown signer was accepted without asking: %v", err)
	}
	asked := false
	sum, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Confirm: func(s exchange.ManifestSigner) bool {
		asked = s.Name == "Insp. Lotte Peeters"
		return true
	}})
	if err != nil || !asked || !sum.NewSigner {
		t.Fatalf("import: %+v, asked %v, %v", sum, asked, err)
	}
	if sum.Added == 0 || sum.Files != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if want, got := caseFile(t, a, ref), caseFile(t, b, ref); asJSON(want) != asJSON(got) {
		t.Fatalf("the case differs after the round trip:\nwant %s\ngot  %s", asJSON(want), asJSON(got))
	}
	verified(t, b)

	again, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{})
	if err != nil {
		t.Fatalf("the known partner's package again: %v", err)
	}
	if again.Added+again.Updated+again.Conflicts+again.Files != 0 {
		t.Fatalf("second import: %+v", again.MergeSummary)
	}
}

func TestCasePackagePassphrase(t *testing.T) {
	a, b := mustOpen(t, "BEC"), mustOpen(t, "ESA")
	ref := demoCase(t, a)
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	if _, err := exchange.ExportPackage(ctx, a, pkg, exchange.Encryption{Passphrase: "harbour pilot 2026"}, ref); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Trust: true}); !errors.Is(err, exchange.ErrNeedsKey) {
		t.Fatalf("without the passphrase: %v", err)
	}
	if _, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Trust: true, Passphrase: "harbour pilot 2025"}); !errors.Is(err, exchange.ErrWrongKey) {
		t.Fatalf("with the wrong passphrase: %v", err)
	}
	if n, _ := b.CountCases(ctx); n != 0 {
		t.Fatal("a package that did not open changed the workspace")
	}
	if _, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Trust: true, Passphrase: "harbour pilot 2026"}); err != nil {
		t.Fatalf("with the passphrase: %v", err)
	}
}

// BenchmarkPackage1000Seizures exports and imports a case of 1,000
// seizures and 100 exhibits carrying 2 MB each (200 MB of attachments).
// Run by hand: go test ./app/exchange -run '^$' -bench Package1000 -benchtime 1x
func BenchmarkPackage1000Seizures(b *testing.B) {
	dir := b.TempDir()
	from, err := app.Open(ctx, filepath.Join(dir, "from.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer from.Close()
	if _, err := from.SetOfficer(ctx, model.Officer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", RefPrefix: "BEC"}); err != nil {
		b.Fatal(err)
	}
	c, err := from.CreateCase(ctx, model.Case{Title: "Cocaine in banana reefers, Antwerp", Corridor: model.Corridor("eu_lac"), ThreatTypes: []model.ThreatType{"cocaine"}})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now().Add(-24 * time.Hour)
	var seizures []model.Seizure
	err = from.Change(ctx, func(bt *app.Batch) error {
		for i := range 1000 {
			s := model.Seizure{CaseID: c.ID, SeizedAt: start.Add(time.Duration(i) * time.Minute), PlaceName: "MPET terminal, Antwerp",
				Country: "BE", Category: "cocaine", Description: fmt.Sprintf("bricks in reefer %d", i), Quantity: 12.5, Unit: "kg",
				TransportMode: "maritime_container"}
			if err := bt.AddSeizure(&s); err != nil {
				return err
			}
			seizures = append(seizures, s)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	chunk := make([]byte, 2<<20)
	for i := range 100 {
		rand.Read(chunk)
		p := filepath.Join(dir, fmt.Sprintf("scan-%03d.bin", i))
		if err := os.WriteFile(p, chunk, 0o600); err != nil {
			b.Fatal(err)
		}
		if _, err := from.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "scanner image", Kind: "photo", SeizureID: seizures[i*10].ID}, p); err != nil {
			b.Fatal(err)
		}
		os.Remove(p)
	}
	var size int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pkg := filepath.Join(dir, fmt.Sprintf("p%d.bollard", i))
		x, err := exchange.ExportPackage(ctx, from, pkg, exchange.Encryption{}, c.Ref)
		if err != nil {
			b.Fatal(err)
		}
		size = x.Size
		to, err := app.Open(ctx, filepath.Join(dir, fmt.Sprintf("to%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := to.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", RefPrefix: "ESA"}); err != nil {
			b.Fatal(err)
		}
		sum, err := exchange.ImportPackage(ctx, to, pkg, exchange.ImportOptions{Trust: true})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Files != 100 {
			b.Fatalf("imported %d files", sum.Files)
		}
		to.Close()
	}
	b.ReportMetric(float64(size)/(1<<20), "MB/package")
}
