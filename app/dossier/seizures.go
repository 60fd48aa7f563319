package dossier

import (
	"slices"
	"sort"
	"strings"

	"bollard/model"
)

// seizures prints the totals by commodity first (what a meeting asks
// first: how much, worth how much), then every seizure.
func (d *doc) seizures() {
	d.section("seizures")
	if len(d.file.Seizures) == 0 {
		d.paragraph(d.w.t("none"), 10)
		return
	}
	d.seizureTotals()
	d.subheading(d.w.t("all seizures"))
	refs := make([]string, len(d.file.Seizures))
	for i, s := range d.file.Seizures {
		refs[i] = s.Ref
	}
	refW := d.refColumn("", 7.5, 22, 42, refs) // the commodity keeps 20 mm
	t := d.table(7.5,
		column{title: d.w.t("seizure"), width: refW},
		column{title: d.w.t("place"), width: 27},
		column{title: d.w.t("commodity"), width: 40 - (refW - 22)},
		// Wide enough for cigarettes' factors, "20 cigarrillos/cajetilla".
		column{title: d.w.t("quantity"), width: 35, right: true},
		column{title: d.w.t("value"), width: 24, right: true},
		column{title: d.w.t("transport"), width: 32},
	)
	for _, s := range d.file.Seizures {
		t.row(
			s.Ref+"\n"+d.w.writtenAt(s.SeizedAt),
			joinNonEmpty("\n", d.text(s.PlaceName), joinNonEmpty(" ", s.LOCODE, s.Country)),
			joinNonEmpty("\n",
				d.w.choice("commodity", string(s.Category))+": "+d.text(s.Description),
				labelled(d.w.t("hs code"), s.HSCode),
				d.text(s.Notes)),
			d.quantity(s),
			d.money(s.EstimatedValue, s.Currency),
			d.transport(s),
		)
	}
}

// quantity is a seizure's quantity as counted and, for packs, cartons and
// master cases of cigarettes, in sticks with the factors used: "12 cartons
// = 2,400 sticks (20 sticks/pack, 10 packs/carton)".
func (d *doc) quantity(s model.Seizure) string {
	q := d.w.number(s.Quantity) + " " + d.w.unit(s.Unit)
	sticks, ok := s.InSticks()
	if !ok || s.Unit == model.Sticks {
		return q
	}
	used := make([]string, 0, 3)
	for _, f := range s.FactorsUsed() {
		used = append(used, d.w.tf(factorLabels[f.Per], f.N))
	}
	return q + "\n" + d.w.tf("in sticks", d.w.number(sticks)) + "\n(" + strings.Join(used, ", ") + ")"
}

// factorLabels name each factor by the unit it fills.
var factorLabels = map[model.Unit]string{
	model.Packs: "sticks per pack", model.Cartons: "packs per carton", model.MasterCases: "cartons per master case",
}

// transport is how a seizure travelled and where it was going.
func (d *doc) transport(s model.Seizure) string {
	route := append([]string{s.OriginCountry}, s.TransitCountries...)
	route = append(route, s.DestinationCountry)
	return joinNonEmpty("\n",
		d.w.choice("mode", string(s.TransportMode)),
		labelled(d.w.t("route"), strings.Join(nonEmpty(route...), " → ")),
		labelled(d.w.t("containers no"), strings.Join(s.ContainerNumbers, ", ")),
		labelled(d.w.t("seals"), d.text(strings.Join(s.SealNumbers, ", "))),
		labelled(d.w.t("document"), d.text(s.TransportDocument)),
		labelled(d.w.t("concealment"), d.text(s.Concealment)),
		labelled(d.w.t("detection"), d.w.choice("detection", string(s.Detection))),
	)
}

func (d *doc) money(v float64, currency string) string {
	if v == 0 {
		return ""
	}
	return currency + " " + d.w.number(v)
}

// labelled is "label: value", or nothing when there is no value.
func labelled(label, value string) string {
	if strings.TrimSpace(value) == "" {
		return ""
	}
	return label + ": " + value
}

// commodityTotal adds up the seizures of one commodity. Quantities are
// added per unit and values per currency: kilograms and pieces, euros and
// dollars do not add up, and converting them would put a figure in the
// dossier that nobody recorded.
type commodityTotal struct {
	category model.CommodityCategory
	count    int
	quantity map[model.Unit]float64
	value    map[string]float64
	// sticks adds up the seizures counted in cigarette units, each
	// converted by its own factors.
	sticks float64
}

func totalsByCommodity(seizures []model.Seizure) (perCommodity []*commodityTotal, values map[string]float64) {
	byCat := map[model.CommodityCategory]*commodityTotal{}
	values = map[string]float64{}
	for _, s := range seizures {
		t := byCat[s.Category]
		if t == nil {
			t = &commodityTotal{category: s.Category, quantity: map[model.Unit]float64{}, value: map[string]float64{}}
			byCat[s.Category] = t
		}
		t.count++
		t.quantity[s.Unit] += s.Quantity
		if n, ok := s.InSticks(); ok {
			t.sticks += n
		}
		if s.EstimatedValue > 0 {
			t.value[s.Currency] += s.EstimatedValue
			values[s.Currency] += s.EstimatedValue
		}
	}
	// In the model's order of categories, so that every dossier lists
	// cocaine before cigarettes.
	for _, c := range model.CommodityCategories {
		if t := byCat[c]; t != nil {
			perCommodity = append(perCommodity, t)
			delete(byCat, c)
		}
	}
	var rest []model.CommodityCategory
	for c := range byCat {
		rest = append(rest, c)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	for _, c := range rest {
		perCommodity = append(perCommodity, byCat[c])
	}
	return perCommodity, values
}

func (d *doc) seizureTotals() {
	d.subheading(d.w.t("totals"))
	per, values := totalsByCommodity(d.file.Seizures)
	t := d.table(8.5,
		column{title: d.w.t("commodity"), width: 50},
		column{title: d.w.t("count"), width: 30, right: true},
		column{title: d.w.t("quantity"), width: 45, right: true},
		column{title: d.w.t("value"), width: 55, right: true},
	)
	for _, c := range per {
		t.row(d.w.choice("commodity", string(c.category)), d.w.number(float64(c.count)),
			joinNonEmpty("\n", d.quantities(c.quantity), d.sticksOf(c)), d.amounts(c.value))
	}
	inAll := ""
	if sticks, ok := model.SticksInAll(d.file.Seizures); ok {
		inAll = d.w.tf("in sticks", d.w.number(sticks))
	}
	t.boldRow(d.w.t("total"), d.w.number(float64(len(d.file.Seizures))), inAll, d.amounts(values))
	d.gap()
}

// sticksOf is a commodity's cigarettes in sticks, when it has some counted
// in packs, cartons or master cases ("" when all are sticks or none).
func (d *doc) sticksOf(c *commodityTotal) string {
	for u := range c.quantity {
		if u.IsTobacco() && u != model.Sticks {
			return d.w.tf("in sticks", d.w.number(c.sticks))
		}
	}
	return ""
}

// quantities writes one line per unit, in the model's order of units (a
// unit only an import knows comes last).
func (d *doc) quantities(q map[model.Unit]float64) string {
	units := make([]model.Unit, 0, len(q))
	for u := range q {
		units = append(units, u)
	}
	order := func(u model.Unit) int {
		if i := slices.Index(model.Units, u); i >= 0 {
			return i
		}
		return len(model.Units)
	}
	sort.Slice(units, func(i, j int) bool {
		if oi, oj := order(units[i]), order(units[j]); oi != oj {
			return oi < oj
		}
		return units[i] < units[j]
	})
	lines := make([]string, len(units))
	for i, u := range units {
		lines[i] = d.w.number(q[u]) + " " + d.w.unit(u)
	}
	return strings.Join(lines, "\n")
}

// amounts writes one line per currency, in alphabetical order.
func (d *doc) amounts(v map[string]float64) string {
	currencies := make([]string, 0, len(v))
	for c := range v {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	lines := make([]string, len(currencies))
	for i, c := range currencies {
		lines[i] = d.money(v[c], c)
	}
	return strings.Join(lines, "\n")
}
