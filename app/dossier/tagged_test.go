package dossier_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bollard/model"
)

// The dossier is a Tagged PDF 1.7 in its language whose viewers show its
// title: poppler reads its structure tree (headings as the outline has
// them, the body text, the photographs described), the running heads and
// footers are artifacts left out of it, and nothing is painted outside a
// marked-content sequence.
func TestTaggedPDF(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 40))
	for _, lang := range model.Languages {
		t.Run(string(lang), func(t *testing.T) {
			opt := opt
			opt.Language = lang
			path := render(t, f, opt)

			if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Fatalf("qpdf --check:\n%s", out)
			}
			meta := info(t, path)
			if meta["Tagged"] != "yes" || meta["PDF version"] != "1.7" {
				t.Errorf("pdfinfo: Tagged %q, PDF version %q; want yes, 1.7", meta["Tagged"], meta["PDF version"])
			}
			if meta["Title"] == "" {
				t.Error("the PDF has no title to display")
			}
			catalog := pdfCatalog(t, path)
			if catalog.Lang != "u:"+string(lang) {
				t.Errorf("/Lang is %q, want %q", catalog.Lang, "u:"+string(lang))
			}
			if !catalog.ViewerPreferences.DisplayDocTitle {
				t.Error("/ViewerPreferences has no /DisplayDocTitle true")
			}
			if !catalog.MarkInfo.Marked || catalog.StructTreeRoot == "" {
				t.Errorf("/MarkInfo %+v, /StructTreeRoot %q: not a Tagged PDF", catalog.MarkInfo, catalog.StructTreeRoot)
			}

			if n := figuresDescribed(t, path, f.Evidence[0].Item.ExhibitRef); n != len(f.Evidence[0].Item.Attachments) {
				t.Errorf("%d photographs described (/Figure with /Alt naming the exhibit), want %d", n, len(f.Evidence[0].Item.Attachments))
			}
		})
	}

	// poppler takes seconds to read the text of a tree back: one
	// language is enough for what does not depend on it.
	t.Run("the tree", func(t *testing.T) {
		path := render(t, f, opt)
		tree := structure(t, path)
		h1, h2 := outline(t, path)
		if got := tree.texts("H1"); !slices.Equal(got, h1) || len(h1) < 5 {
			t.Errorf("H1 elements %q, want the sections of the outline %q", got, h1)
		}
		if got := tree.texts("H2"); !slices.Equal(got, h2) {
			t.Errorf("H2 elements %q, want the subheadings of the outline %q", got, h2)
		}
		if tree.count("Table") == 0 || tree.count("TH") == 0 || tree.count("TD") == 0 {
			t.Error("no table is tagged as one")
		}
		unmarked(t, path)
		text := strings.Join(tree.all(), "\n")
		for _, s := range f.Seizures {
			if !strings.Contains(text, s.Ref) {
				t.Errorf("seizure %s is not in the structure tree", s.Ref)
			}
		}
		for _, want := range []string{"organises the imports", "Second paragraph.", "Bank records of Gonçalves & Filhos"} {
			if !strings.Contains(text, want) {
				t.Errorf("%q is not in the structure tree", want)
			}
		}
		if strings.Contains(text, "page 2 of") {
			t.Error("a footer's page X of Y is in the structure tree, not an artifact")
		}
		if strings.Contains(text, f.Case.Ref+" · ") {
			t.Error("a running head or footer (ref · title, ref · generated ...) is in the structure tree, not an artifact")
		}
	})
}

// element is one structure element as pdfinfo -struct-text prints it.
type element struct {
	role string
	text []string
}

type tree []element

// structure reads the structure tree back with poppler.
func structure(t *testing.T, path string) tree {
	t.Helper()
	var out tree
	for _, line := range strings.Split(tool(t, "pdfinfo", "-struct-text", path), "\n") {
		s := strings.TrimSpace(line)
		switch {
		case s == "":
		case strings.HasPrefix(s, `"`):
			if len(out) > 0 {
				out[len(out)-1].text = append(out[len(out)-1].text, strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`))
			}
		default:
			role, _, _ := strings.Cut(s, " ")
			out = append(out, element{role: role})
		}
	}
	return out
}

// texts is the text of each element of role.
func (tr tree) texts(role string) []string {
	var out []string
	for _, e := range tr {
		if e.role == role {
			out = append(out, strings.Join(e.text, " "))
		}
	}
	return out
}

func (tr tree) count(role string) int { return len(tr.texts(role)) }

func (tr tree) all() []string {
	var out []string
	for _, e := range tr {
		out = append(out, e.text...)
	}
	return out
}

// outline is the titles of the PDF's bookmarks: the sections, and the
// subheadings within them.
func outline(t *testing.T, path string) (sections, subheadings []string) {
	t.Helper()
	type item struct {
		Title string `json:"title"`
		Kids  []item `json:"kids"`
	}
	var doc struct {
		Outlines []item `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Outlines {
		sections = append(sections, s.Title)
		for _, k := range s.Kids {
			subheadings = append(subheadings, k.Title)
		}
	}
	return sections, subheadings
}

type catalog struct {
	Lang              string `json:"/Lang"`
	ViewerPreferences struct {
		DisplayDocTitle bool `json:"/DisplayDocTitle"`
	} `json:"/ViewerPreferences"`
	MarkInfo struct {
		Marked bool `json:"/Marked"`
	} `json:"/MarkInfo"`
	StructTreeRoot string `json:"/StructTreeRoot"`
}

// objects is every object of the PDF as qpdf reads it, by "obj:N 0 R",
// and the trailer.
func objects(t *testing.T, path string) map[string]json.RawMessage {
	t.Helper()
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"` // the header, then the objects
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=qpdf", path)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.QPDF) < 2 {
		t.Fatal("qpdf --json: no objects")
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	out := map[string]json.RawMessage{}
	for k, v := range objs {
		out[k] = v.Value
	}
	return out
}

// pdfCatalog is the document catalog, found from the trailer's /Root.
func pdfCatalog(t *testing.T, path string) catalog {
	t.Helper()
	objs := objects(t, path)
	var trailer struct {
		Root string `json:"/Root"`
	}
	if err := json.Unmarshal(objs["trailer"], &trailer); err != nil {
		t.Fatal(err)
	}
	var c catalog
	if err := json.Unmarshal(objs["obj:"+trailer.Root], &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// figuresDescribed counts the Figure elements whose alternate description
// names the exhibit.
func figuresDescribed(t *testing.T, path, exhibit string) int {
	t.Helper()
	n := 0
	for _, raw := range objects(t, path) {
		var e struct {
			S   string `json:"/S"`
			Alt string `json:"/Alt"`
		}
		if json.Unmarshal(raw, &e) == nil && e.S == "/Figure" && strings.Contains(e.Alt, exhibit) {
			n++
		}
	}
	return n
}

var pageContents = regexp.MustCompile(`(?s)%% Contents for page (\d+)\n.*?\nstream\n(.*?)endstream`)

// paints are the content operators that put something on the page.
var paints = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true,
	"b": true, "b*": true, "Do": true, "Tj": true, "TJ": true, "'": true, `"`: true, "sh": true}

// unmarked fails for anything painted outside a marked-content sequence,
// and for sequences that do not close on their page.
func unmarked(t *testing.T, path string) {
	t.Helper()
	qdf := path + ".qdf"
	tool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	streams := pageContents.FindAllStringSubmatch(string(raw), -1)
	if len(streams) == 0 {
		t.Fatal("no page contents found in the QDF output")
	}
	for _, m := range streams {
		depth := 0
		for _, tok := range strings.Fields(m[2]) {
			// Text is written as <hex>Tj with no space before the operator.
			if i := strings.LastIndexAny(tok, ">)]"); i >= 0 && i < len(tok)-1 {
				tok = tok[i+1:]
			}
			switch {
			case tok == "BDC" || tok == "BMC":
				depth++
			case tok == "EMC":
				depth--
			case paints[tok] && depth == 0:
				t.Errorf("page %s: %q painted outside marked content", m[1], tok)
				return
			}
			if depth < 0 {
				t.Errorf("page %s: EMC without BDC", m[1])
				return
			}
		}
		if depth != 0 {
			t.Errorf("page %s: %d marked-content sequences left open", m[1], depth)
		}
	}
}
