package dossier

import (
	"testing"

	"bollard/model"
)

func TestEveryLabelInEveryLanguage(t *testing.T) {
	for key, l := range labels {
		for i, s := range l {
			if s == "" {
				t.Errorf("label %q has no text in %s", key, model.Languages[i])
			}
		}
	}
}

// Every choice an officer can pick prints in every language, so that a
// value added to the model later is noticed here rather than in a Spanish
// prosecutor's hands.
func TestEveryChoiceInEveryLanguage(t *testing.T) {
	codes := map[string][]string{
		"status": strs(model.CaseStatuses), "priority": strs(model.Priorities), "corridor": strs(model.Corridors),
		"threat": strs(model.ThreatTypes), "commodity": strs(model.CommodityCategories), "mode": strs(model.TransportModes),
		"detection": strs(model.DetectionMethods), "kind": strs(model.EntityKinds), "role": strs(model.CaseRoles),
		"rel": strs(model.RelationTypes), "taskkind": strs(model.TaskKinds), "taskstatus": strs(model.TaskStatuses),
		"evidence": strs(model.EvidenceKinds), "custody": strs(model.CustodyActions), "unit": strs(model.Units),
	}
	for kind, all := range codes {
		for _, code := range all {
			l, ok := enumLabels[kind+":"+code]
			if !ok {
				t.Errorf("no labels for %s %q", kind, code)
				continue
			}
			for i, s := range l {
				if s == "" {
					t.Errorf("%s %q has no label in %s", kind, code, model.Languages[i])
				}
			}
		}
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestNumbersInEachLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang model.Language
		v    float64
		want string
	}{
		{model.English, 1234567.5, "1,234,567.5"},
		{model.Spanish, 1234567.5, "1.234.567,5"},
		{model.Portuguese, 350.5, "350,5"},
		{model.French, 10000, "10\u00a0000"},
		{model.English, 0.125, "0.13"},
		{model.English, 999, "999"},
	} {
		t.Run(string(tc.lang)+" "+tc.want, func(t *testing.T) {
			if got := newWords(tc.lang).number(tc.v); got != tc.want {
				t.Fatalf("number(%v) = %q, want %q", tc.v, got, tc.want)
			}
		})
	}
}

func TestPseudonymLetters(t *testing.T) {
	for n, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := pseudonymLetters(n); got != want {
			t.Errorf("pseudonymLetters(%d) = %q, want %q", n, got, want)
		}
	}
}

// Every kind of entity has a shape and a colour of its own in the chart,
// so that its legend tells them apart, in colour and in black and white.
func TestEveryKindItsOwnMark(t *testing.T) {
	shapes, colours := map[shape]model.EntityKind{}, map[[3]int]model.EntityKind{}
	for _, k := range model.EntityKinds {
		st, ok := kindStyles[k]
		if !ok {
			t.Errorf("no mark for %s", k)
			continue
		}
		if other, dup := shapes[st.shape]; dup {
			t.Errorf("%s and %s have the same shape", k, other)
		}
		if other, dup := colours[st.colour]; dup {
			t.Errorf("%s and %s have the same colour", k, other)
		}
		shapes[st.shape], colours[st.colour] = k, k
	}
}
