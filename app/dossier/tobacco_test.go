package dossier_test

import (
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// tobaccoCaseFile records a case of cigarettes counted in every unit the
// trade uses, one carton made up unusually.
func tobaccoCaseFile(t *testing.T) app.CaseFile {
	t.Helper()
	w := mustOpen(t)
	c, err := w.CreateCase(ctx, model.Case{Title: "Cigarrillos ilícitos, Algeciras", Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatTobacco}, LeadAgency: "SVA"})
	if err != nil {
		t.Fatal(err)
	}
	seizures := []model.Seizure{
		{Quantity: 12, Unit: model.Cartons},
		{Quantity: 300, Unit: model.Cartons, SticksPerPack: 25, PacksPerCarton: 20},
		{Quantity: 3, Unit: model.MasterCases},
		{Quantity: 4000, Unit: model.Sticks},
	}
	err = w.Change(ctx, func(b *app.Batch) error {
		for i := range seizures {
			s := &seizures[i]
			s.CaseID, s.SeizedAt, s.PlaceName, s.Category, s.Description, s.TransportMode =
				c.ID, testNow.Add(-time.Duration(4-i)*time.Hour), "Algeciras", model.CommodityCigarettes, "Marlboro Gold", model.ModeContainer
			if err := b.AddSeizure(s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The dossier says what cartons and master cases come to in sticks, with
// the factors each was counted by, and adds the case's cigarettes up in
// sticks; the PDF is read back as a reader's viewer reads it.
func TestDossierCountsCigarettesInSticks(t *testing.T) {
	f := tobaccoCaseFile(t)
	for _, tc := range []struct {
		lang model.Language
		want []string
	}{
		{model.English, []string{
			"12 cartons", "= 2,400 sticks", "(20 sticks/pack, 10 packs/carton)",
			"300 cartons", "= 150,000 sticks", "(25 sticks/pack, 20 packs/carton)",
			"3 master cases", "= 30,000 sticks", "(20 sticks/pack, 10 packs/carton, 50 cartons/master case)",
			"4,000 sticks",
			"= 186,400 sticks", // the case's cigarettes in all: 2,400 + 150,000 + 30,000 + 4,000
		}},
		{model.Spanish, []string{
			"12 cartones", "= 2.400 cigarrillos", "(20 cigarrillos/cajetilla, 10 cajetillas/cartón)",
			"3 cajas master", "50 cartones/caja master", "= 186.400 cigarrillos",
		}},
		{model.Portuguese, []string{"12 pacotes", "= 2.400 cigarros", "(20 cigarros/maço, 10 maços/pacote)", "3 caixas master"}},
		{model.French, []string{"12 cartouches", "= 2 400 cigarettes", "(20 cigarettes/paquet, 10 paquets/cartouche)",
			"50 cartouches/caisse master", "= 186 400 cigarettes"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			path := render(t, f, dossier.Options{Language: tc.lang, Sections: []dossier.Section{dossier.SectionSeizures}})
			text := strings.Join(strings.Fields(strings.Join(pages(t, path), " ")), " ")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the dossier does not say %q", w)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", text)
			}
		})
	}
}
