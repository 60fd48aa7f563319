package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bollard/model"
)

// title is the case's title as this dossier prints it, without the ref. A
// case's title names the suspect as often as not ("Cocaine in bananas: the
// Muñoz-Rojas network"), and it stands in every header and in the PDF's
// metadata, which a partner's records system indexes; so a redacted
// dossier never prints it, even redacted: it prints the title an officer
// wrote for the purpose, or a description built only from the case's
// enumerations (its threat types and corridor), which name no one.
func (d *doc) title() string {
	if !d.opt.Redact {
		return d.file.Case.Title
	}
	if t := strings.TrimSpace(d.opt.RedactedTitle); t != "" {
		return t
	}
	return d.neutralTitle()
}

// neutralTitle describes the case by its threat types and corridor, in the
// dossier's language: "Cocaine, trade-based money laundering · Corridor
// EU–Latin America & Caribbean".
func (d *doc) neutralTitle() string {
	c := d.file.Case
	threats := make([]string, len(c.ThreatTypes))
	for i, t := range c.ThreatTypes {
		threats[i] = d.w.choice("threat", string(t))
	}
	corridor := ""
	if c.Corridor != "" {
		corridor = d.w.t("corridor") + " " + d.w.choice("corridor", string(c.Corridor))
	}
	desc := joinNonEmpty(" · ", strings.Join(threats, ", "), corridor)
	if desc == "" {
		return d.w.t("dossier")
	}
	r, size := utf8.DecodeRuneInString(desc)
	return string(unicode.ToUpper(r)) + desc[size:]
}

// refAndTitle is the ref and the title as one line: "ESA-2026-0001 —
// Cocaine · Corridor EU–UK".
func (d *doc) refAndTitle() string {
	return joinNonEmpty(" — ", d.file.Case.Ref, d.title())
}

// checkRedactedTitle refuses an officer-written title for the non-nominal
// version that itself holds a nominal value: the officer fixes it, rather
// than the dossier printing it or silently printing another.
func checkRedactedTitle(f []model.CaseEntity, opt Options) error {
	t := strings.TrimSpace(opt.RedactedTitle)
	if !opt.Redact || t == "" {
		return nil
	}
	r := newRedactor(true, f, newWords(opt.Language))
	if value, class, ok := r.nominal(t); ok {
		return errNominalTitle(value, class)
	}
	return nil
}
