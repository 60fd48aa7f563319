package exchange_test

import (
	"encoding/json"
	"testing"

	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

// FuzzReadContent feeds the content reader what a package's signature
// would normally keep out: whatever it is given, it must refuse with an
// error or return a document whose records all name things it holds,
// never panic. The seed is a real export of a demo case.
//
//	go test -fuzz FuzzReadContent -fuzztime 2m ./app/exchange/
func FuzzReadContent(f *testing.F) {
	w := mustOpen(f, "ESA")
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 3, Seed: 5}); err != nil {
		f.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil || len(cases) == 0 {
		f.Fatal(err)
	}
	exported, err := exchange.BuildContent(ctx, w, cases[0].Ref)
	if err != nil {
		f.Fatal(err)
	}
	seed, err := json.Marshal(exported.Content)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"format":"bollard-case-package-content","version":1}`))
	f.Add([]byte(`{"format":"bollard-case-package-content","version":99,"cases":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := exchange.ReadContent(data)
		if err != nil {
			return
		}
		if c.Format != exchange.ContentFormat || c.Version != exchange.ContentVersion {
			t.Fatalf("accepted format %q version %d", c.Format, c.Version)
		}
	})
}
