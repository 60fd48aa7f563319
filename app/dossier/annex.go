package dossier

import (
	"time"

	"bollard/model"
)

// annexKinds are the kinds of record the annex lists.
var annexKinds = []string{"case", "seizure", "entity", "case link", "relation", "timeline event", "exhibit", "custody event", "task", "note"}

// annex lists every record the dossier was made from, with its ID in the
// workspace and its last change, so that a fact in the dossier can be
// traced to the record it came from, and a newer record noticed.
func (d *doc) annex() {
	d.section("annex")
	d.paragraph(d.w.t("annex intro"), 9)
	d.gap()
	// The ID and time columns are as wide as an ID and a time, measured.
	d.font("", 6.5)
	idW := d.width("00000000-0000-0000-0000-000000000000") + 2*cellPad + 0.5
	timeW := d.widestDateTime() + 2*cellPad + 0.5
	// The kind of record is one line, its longest word whole in any language.
	recordW := max(22, d.labelWidth("B", 6.5, "record"), d.lineWidth("", 6.5, annexKinds...))
	rest := contentWidth - recordW - idW - timeW
	t := d.table(6.5,
		column{title: d.w.t("record"), width: recordW},
		column{title: d.w.t("name"), width: rest * 0.55},
		column{title: d.w.t("record id"), width: idW},
		column{title: d.w.t("last change"), width: timeW},
		column{title: d.w.t("changed by"), width: rest * 0.45},
	)
	t.clip = true // thousands of lines: one each
	row := func(kind, name string, r model.Record) {
		t.row(kind, name, r.ID, d.w.dateTime(r.UpdatedAt), d.author(r.UpdatedBy))
	}
	f := d.file
	row(d.w.t("case"), f.Case.Ref, f.Case.Record)
	for _, s := range f.Seizures {
		row(d.w.t("seizure"), s.Ref+" "+d.text(s.Description), s.Record)
	}
	for _, ce := range groupEntities(f.Entities) {
		row(d.w.t("entity"), d.red.name(ce.entity), ce.entity.Record)
	}
	for _, ce := range f.Entities {
		row(d.w.t("case link"), d.w.choice("role", string(ce.Link.Role))+": "+d.red.name(ce.Entity), ce.Link.Record)
	}
	byID := map[string]model.Entity{}
	for _, ce := range f.Entities {
		byID[ce.Entity.ID] = ce.Entity
	}
	for _, r := range f.Relations {
		row(d.w.t("relation"), d.red.name(byID[r.FromID])+" "+d.w.choice("rel", string(r.Type))+" "+d.red.name(byID[r.ToID]), r.Record)
	}
	for _, e := range f.Timeline {
		row(d.w.t("timeline event"), d.w.day(e.At)+" "+d.text(e.Title), e.Record)
	}
	for _, x := range f.Evidence {
		row(d.w.t("exhibit"), x.Item.ExhibitRef+" "+d.text(x.Item.Description), x.Item.Record)
		for _, c := range x.Custody {
			row(d.w.t("custody event"), x.Item.ExhibitRef+" "+d.w.choice("custody", string(c.Action))+" "+d.w.day(c.At), c.Record)
		}
	}
	for _, task := range f.Tasks {
		row(d.w.t("task"), d.text(task.Title), task.Record)
	}
	for _, n := range f.Notes {
		who := n.CreatedBy.Name
		if d.opt.Redact {
			who = d.author(n.CreatedBy)
		}
		row(d.w.t("note"), joinNonEmpty(" ", d.w.day(n.CreatedAt), who), n.Record)
	}
}

// widestDateTime is the width of the widest time the dossier writes in the
// current font: in English, months in letters differ in width.
func (d *doc) widestDateTime() float64 {
	var w float64
	for m := time.January; m <= time.December; m++ {
		w = max(w, d.width(d.w.dateTime(time.Date(2026, m, 28, 20, 48, 0, 0, time.UTC))))
	}
	return w
}
