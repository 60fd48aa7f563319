package dossier

import (
	"bollard/app"
	"bollard/model"
)

// Label is a label of the dossier in a language, for the tests outside
// the package.
func Label(key string, l model.Language) string { return newWords(l).t(key) }

// Choice is a choice's label in a language, for the tests outside the package.
func Choice(kind, code string, l model.Language) string { return newWords(l).choice(kind, code) }

// CommonWord is commonWord, for the tests outside the package (the leak
// test ignores the single name words it says are common).
func CommonWord(folded string) bool { return commonWord(folded) }

// RedactedText is free text as a redacted dossier of the case prints it.
func RedactedText(f app.CaseFile, l model.Language, s string) string {
	return newRedactor(true, f.Entities, newWords(l)).text(s)
}

// WithheldCounts are the classes and counts a redacted dossier of the case
// lists on its "What was withheld" page, by label key.
func WithheldCounts(f app.CaseFile) map[string]int {
	m := map[string]int{}
	for _, c := range newRedactor(true, f.Entities, newWords(model.English)).withheldCounts() {
		m[c.key] = c.n
	}
	return m
}

// ChartLayout lays out the relationship chart of f as a dossier in
// language l draws it, for the tests outside the package: the boxes of
// the nodes and of the labels placed ([x, y, w, h] in mm in a frame of
// width × height), how many names and relation words were placed, and how
// many nodes and arrows there are to label.
type ChartLayout struct {
	Nodes, Labels        [][4]float64
	Width, Height        float64
	Names, Words         int
	NodeCount, EdgeCount int
}

// LayOutChart lays out the chart of f in language l.
func LayOutChart(f app.CaseFile, l model.Language) ChartLayout {
	d := newDoc(f, Options{Language: l}, true)
	byID := map[string]model.Entity{}
	for _, ce := range f.Entities {
		byID[ce.Entity.ID] = ce.Entity
	}
	rels := d.chartRelations()
	nodes, _ := d.chartNodes(rels, byID)
	height := chartHeight(len(nodes))
	edges := d.chartEdges(nodes, rels)
	out := ChartLayout{Width: contentWidth, Height: height, NodeCount: len(nodes), EdgeCount: len(edges)}
	for _, n := range nodes {
		b := nodeBox(n)
		out.Nodes = append(out.Nodes, [4]float64{b.x, b.y, b.w, b.h})
	}
	for _, lb := range d.placeLabels(nodes, edges, contentWidth, height) {
		out.Labels = append(out.Labels, [4]float64{lb.box.x, lb.box.y, lb.box.w, lb.box.h})
		if lb.edge {
			out.Words++
		} else {
			out.Names++
		}
	}
	return out
}
