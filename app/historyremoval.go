package app

import (
	"strings"

	"bollard/model"
)

// removalText is how the history words an edit that removes a record or
// puts one back, or that changes the role of a linked entity: "unlinked
// person Piotr Nowak from the case (as suspect)", "removed task “Check the
// seals”", "changed role of person Piotr Nowak: suspect → witness". A
// tombstone is an edit of the record (its removed field), but the officer
// reads it as the removal it is. It is "" for any other edit, which the
// history lists field by field.
func removalText(e model.AuditEntry, names *recordNames, withCase bool) string {
	before, after := parseFields(e.Before), parseFields(e.After)
	was, is := before.flag("removed"), after.flag("removed")
	if was == is {
		if e.RecordType == model.RecordCaseLink && before.text("role") != after.text("role") {
			text := "changed role of " + names.Entity(after.text("entity_id")) + historyCase("in", after, names, withCase) + ": " +
				roleWords(before.text("role")) + " → " + roleWords(after.text("role"))
			if before.text("note") != after.text("note") {
				text += "; note " + formatValue(before.raw["note"]) + " → " + formatValue(after.raw["note"])
			}
			return text
		}
		return ""
	}
	if e.RecordType == model.RecordCaseLink {
		entity := names.Entity(after.text("entity_id"))
		if is {
			return "unlinked " + entity + " from " + caseWords(after, names, withCase) + " (as " + roleWords(after.text("role")) + ")"
		}
		return "put back " + entity + " in " + caseWords(after, names, withCase) + " as " + roleWords(after.text("role"))
	}
	what := names.entryRecord(e, withCase)
	if e.RecordType == model.RecordNote {
		// A note's label is its ID; its first words say which it was.
		what = "a note" + historyCase("of", after, names, withCase) + " (“" + firstWords(after.text("body"), 60) + "”)"
	}
	if is {
		return "removed " + what
	}
	return "put back " + what
}

// flag is a true-or-false field, false when absent (as removed is when not set).
func (f fields) flag(key string) bool {
	return string(f.raw[key]) == "true"
}

// roleWords is a role as written in a sentence: "freight forwarder".
func roleWords(role string) string { return strings.ReplaceAll(role, "_", " ") }

// caseWords names a link's case: "the case" in the case's own history, its
// ref in the workspace's.
func caseWords(f fields, names *recordNames, withCase bool) string {
	if withCase {
		return names.CaseRef(f.text("case_id"))
	}
	return "the case"
}

// historyCase is " in ESA-2026-0001" (prep "in") in the workspace's history,
// which names each record's case, and "" in the case's own.
func historyCase(prep string, f fields, names *recordNames, withCase bool) string {
	if withCase {
		return " " + prep + " " + names.CaseRef(f.text("case_id"))
	}
	return ""
}

// firstWords is text on one line, cut after about n characters.
func firstWords(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return text
}
