package exchange_test

import (
	"strings"
	"testing"

	"bollard/app/exchange"
	"bollard/model"
)

// Cigarette seizures are counted as each agency counts them, in its own
// words: a sheet of the Spanish SVA in cartones and cajetillas, one of the
// Receita Federal in maços, pacotes and caixas, one of the French douane in
// cartouches and paquets, one of HMRC in sticks and master cases. Each is
// imported into a real workspace and read back in the model's units.
func TestImportTobaccoUnitsInFourLanguages(t *testing.T) {
	type want struct {
		unit          model.Unit
		quantity      float64
		perPack       int
		perCarton     int
		perMasterCase int
	}
	for _, tc := range []struct {
		lang  string
		sheet string
		want  []want
	}{
		{"Spanish", "Fecha;Lugar;Mercancía;Cantidad;Unidad;Modo de transporte;Cigarrillos por cajetilla\n" +
			"14/03/2026;Algeciras;Cigarrillos Marlboro;1.200;Cartones;contenedor;\n" +
			"15/03/2026;Algeciras;Cigarrillos Ducal;40;CAJETILLAS;carretera;\n" +
			"16/03/2026;Algeciras;Cigarrillos sin marca;3;cajas master;contenedor;10\n" +
			"17/03/2026;Algeciras;Cocaína;20;paquetes;contenedor;\n",
			[]want{{model.Cartons, 1200, 0, 0, 0}, {model.Packs, 40, 0, 0, 0}, {model.MasterCases, 3, 10, 0, 0}, {model.Packages, 20, 0, 0, 0}}},
		{"Portuguese", "Data;Local;Mercadoria;Quantidade;Unidade;Modal;Maços por pacote\n" +
			"14/03/2026;Foz do Iguaçu;Cigarros Eight;500;maços;rodoviário;\n" +
			"15/03/2026;Foz do Iguaçu;Cigarros Eight;250;Pacotes;rodoviário;20\n" +
			"16/03/2026;Foz do Iguaçu;Cigarros Gift;12;caixas;rodoviário;\n",
			[]want{{model.Packs, 500, 0, 0, 0}, {model.Cartons, 250, 0, 20, 0}, {model.MasterCases, 12, 0, 0, 0}}},
		{"French", "Date;Lieu;Marchandise;Quantité;Unité;Mode de transport;Cartouches par caisse\n" +
			"14/03/2026;Le Havre;Cigarettes de contrebande;800;cartouches;conteneur;\n" +
			"15/03/2026;Le Havre;Cigarettes de contrebande;60;Étuis;route;\n" +
			"16/03/2026;Le Havre;Cigarettes de contrebande;4;caisses master;conteneur;25\n",
			[]want{{model.Cartons, 800, 0, 0, 0}, {model.Packs, 60, 0, 0, 0}, {model.MasterCases, 4, 0, 0, 25}}},
		{"English", "Date,Place,Commodity,Quantity,Unit,Transport mode,Sticks per pack,Packs per carton\n" +
			"14/03/2026,Felixstowe,Cigarettes,\"96,000\",sticks,container,,\n" +
			"15/03/2026,Felixstowe,Cigarettes,12,Master Case,container,,\n" +
			"16/03/2026,Felixstowe,Cigarettes,300,cartons,container,25,20\n",
			[]want{{model.Sticks, 96000, 0, 0, 0}, {model.MasterCases, 12, 0, 0, 0}, {model.Cartons, 300, 25, 20, 0}}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			sheet, err := readSheetText(t, tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			goodSeizures(t, sheet)
			w := mustOpen(t, "SVA")
			c := newCase(t, w)
			if _, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, sheet, false); err != nil {
				t.Fatal(err)
			}
			f, err := w.CaseFile(ctx, c.Ref)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Seizures) != len(tc.want) {
				t.Fatalf("%d seizures stored, want %d", len(f.Seizures), len(tc.want))
			}
			for i, s := range f.Seizures {
				got := want{s.Unit, s.Quantity, s.SticksPerPack, s.PacksPerCarton, s.CartonsPerMasterCase}
				if got != tc.want[i] {
					t.Errorf("%s (%s): %+v, want %+v", s.Ref, s.Description, got, tc.want[i])
				}
			}
		})
	}
}

func TestTobaccoFactorsInASheetAreChecked(t *testing.T) {
	sheet, err := readSheetText(t, "Date,Place,Commodity,Quantity,Unit,Transport mode,Sticks per pack,Packs per carton\n"+
		"14/03/2026,Felixstowe,Cigarettes,12,cartons,container,veinte,\n"+
		"14/03/2026,Felixstowe,Cigarettes,12,cartons,container,-5,\n"+
		"14/03/2026,Felixstowe,Cigarettes,12,cartons,container,,2000\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`Sticks per pack "veinte": should be a whole number, such as 20`,
		`Sticks per pack "-5": should be a whole number more than zero`,
		`Packs per carton "2000": should be at most 100 (usually 10)`,
	}
	for i, r := range sheet.Rows {
		if got := strings.Join(r.Problems, "; "); got != want[i] {
			t.Errorf("line %d problems\n got: %s\nwant: %s", r.Line, got, want[i])
		}
	}
}
