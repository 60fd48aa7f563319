package dossier_test

import (
	"fmt"
	"strings"
	"testing"

	"bollard/model"
)

// TestRefsAreNeverBroken: exhibit, seizure and case refs print whole on
// one line, even the longest a workspace makes (an eight-letter prefix)
// and a long ref imported from another system, in every language.
func TestRefsAreNeverBroken(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 3)
	f.Case.Ref = "WWMMWWMM-2026-0042"
	for i := range f.Seizures {
		f.Seizures[i].Ref = fmt.Sprintf("WWMMWWMM-2026-0042/SZ-%04d", i+1)
	}
	f, opt := withEvidence(t, f)
	var refs []string
	for _, s := range f.Seizures {
		refs = append(refs, s.Ref)
	}
	for _, x := range f.Evidence {
		refs = append(refs, x.Item.ExhibitRef)
	}
	refs = append(refs, f.Case.Ref)
	for _, lang := range model.Languages {
		t.Run(string(lang), func(t *testing.T) {
			opt.Language = lang
			path := render(t, f, opt)
			text := tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
			for _, ref := range refs {
				if n := strings.Count(text, ref); n == 0 {
					t.Errorf("%s is never printed whole", ref)
				}
			}
			// A broken ref leaves its tail at the start of a cell: "X-001".
			for _, line := range strings.Split(text, "\n") {
				for _, cell := range strings.Fields(line) {
					if strings.HasPrefix(cell, "X-00") || strings.HasPrefix(cell, "Z-00") || strings.HasPrefix(cell, "/EX") || strings.HasPrefix(cell, "/SZ") {
						t.Errorf("a ref broken over two lines: %q", line)
					}
				}
			}
			if words := overflowing(t, path); len(words) > 0 {
				t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
			}
		})
	}
}
