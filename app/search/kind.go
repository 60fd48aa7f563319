package search

import (
	"fmt"
	"strings"
)

// Kind is what sort of record a Doc stands for.
type Kind string

// The kinds of record the index holds.
const (
	KindCase     Kind = "case"
	KindSeizure  Kind = "seizure"
	KindEntity   Kind = "entity"
	KindEvidence Kind = "evidence"
	KindTask     Kind = "task"
	KindNote     Kind = "note"
)

// Kinds lists every kind: the choices of a kind filter.
var Kinds = []Kind{KindCase, KindSeizure, KindEntity, KindEvidence, KindTask, KindNote}

// kindPlurals are the plural forms ParseKind accepts besides adding an s.
var kindPlurals = map[string]Kind{"entities": KindEntity, "evidences": KindEvidence, "exhibits": KindEvidence, "exhibit": KindEvidence}

// ParseKind reads a kind as typed on the command line or in a filter:
// "entity", "Entities", "seizures" and "exhibit" all name a kind.
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if t == string(k) || t == string(k)+"s" {
			return k, nil
		}
	}
	if k, ok := kindPlurals[t]; ok {
		return k, nil
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("unknown kind %q: should be one of %s", strings.TrimSpace(s), strings.Join(names, ", "))
}

// kindIndex is k's position in Kinds, which the index stores in a byte; an
// unknown kind gets the position after the last.
func kindIndex(k Kind) uint8 {
	for i, kk := range Kinds {
		if kk == k {
			return uint8(i)
		}
	}
	return uint8(len(Kinds))
}
