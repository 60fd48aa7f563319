package dossier

import (
	"strings"

	"bollard/model"
)

// evidence prints the register of exhibits: what each is, where it came
// from and is kept, the files attached to it with their SHA-256 (so that a
// court can check a file is the one seized), and its chain of custody.
func (d *doc) evidence() {
	d.section("evidence")
	if len(d.file.Evidence) == 0 {
		d.paragraph(d.w.t("empty register"), 10)
		return
	}
	seizureRef := map[string]string{}
	for _, s := range d.file.Seizures {
		seizureRef[s.ID] = s.Ref
	}
	refs := make([]string, len(d.file.Evidence))
	for i, x := range d.file.Evidence {
		refs[i] = x.Item.ExhibitRef
	}
	exhibitW := d.refColumn("", 7, 27, 55, refs) // the description keeps 22 mm
	t := d.table(7,
		column{title: d.w.t("exhibit"), width: exhibitW},
		column{title: d.w.t("description"), width: 50 - (exhibitW - 27)},
		column{title: d.w.t("files"), width: 45},
		column{title: d.w.t("custody"), width: 58},
	)
	for _, x := range d.file.Evidence {
		it := x.Item
		acquired := joinNonEmpty(", ", d.w.dateTime(it.AcquiredAt), d.text(it.AcquiredPlace), d.officerNamed(it.AcquiredBy))
		description := joinNonEmpty("\n",
			d.text(it.Description),
			labelled(d.w.t("seizure"), seizureRef[it.SeizureID]),
			labelled(d.w.t("acquired"), acquired),
			labelled(d.w.t("storage"), d.text(it.StorageLocation)),
			labelled(d.w.t("seal"), d.text(it.SealNumber)),
		)
		var files []string
		for i, a := range it.Attachments {
			files = append(files, d.fileName(it.ExhibitRef, i+1, a.Name)+"\n"+groupHash(a.SHA256))
		}
		var custody []string
		for _, c := range x.Custody {
			custody = append(custody, d.custodyLine(c))
		}
		t.row(it.ExhibitRef+"\n"+d.w.choice("evidence", string(it.Kind)), description,
			strings.Join(files, "\n"), strings.Join(custody, "\n"))
	}
}

// custodyLine is one link of the chain: when, what, from whom to whom,
// where, and the seal as found.
func (d *doc) custodyLine(c model.CustodyEvent) string {
	line := d.w.dateTime(c.At) + " " + strings.ToUpper(d.w.choice("custody", string(c.Action)))
	hand := d.custodyHand(c)
	seal := ""
	if c.SealNumber != "" {
		seal = d.w.t("seal") + " " + d.text(c.SealNumber)
	}
	if c.SealIntact != nil {
		state := d.w.t("seal intact")
		if !*c.SealIntact {
			state = d.w.t("seal broken")
		}
		seal = joinNonEmpty(", ", seal, state)
	}
	corrects := ""
	if c.Corrects != "" {
		corrects = "(" + d.w.t("corrects") + ")"
	}
	return joinNonEmpty("; ", line, d.text(hand), d.text(c.Place), seal, d.text(c.Note), corrects)
}

// custodyHand is from whom to whom an exhibit passed. A redacted dossier
// names the handlers by their agency, as it names every officer: the
// partner that may not receive personal data learns which agency held the
// exhibit, and the prosecutor's nominal dossier names the officers.
func (d *doc) custodyHand(c model.CustodyEvent) string {
	from, to := d.handler(c.From), d.handler(c.To)
	switch {
	case from != "" && to != "":
		return d.text(from + " → " + to)
	case to != "":
		return d.text("→ " + to)
	}
	return d.text(from)
}

// handler is how the dossier names an officer who held an exhibit.
func (d *doc) handler(a model.Author) string {
	if a.Name == "" {
		return ""
	}
	if d.opt.Redact && a.Agency == "" {
		return d.red.withheld
	}
	return d.author(a)
}

// groupHash writes a SHA-256 in four groups of sixteen, so that it wraps at
// a group and can be read aloud and compared group by group.
func groupHash(h string) string {
	var groups []string
	for len(h) > 16 {
		groups = append(groups, h[:16])
		h = h[16:]
	}
	return strings.Join(append(groups, h), " ")
}
