package dossier

import (
	"math"
	"sort"

	"github.com/jung-kurt/gofpdf"

	"bollard/model"
)

// The relationship chart: the case's entities as shapes, their relations
// as arrows, laid out so that what is tied together sits together, the way
// an analyst draws a network on a whiteboard. Past a few dozen entities
// such a drawing stops being readable, so the chart keeps the most
// connected ones and the table under it lists every relation.
const (
	chartMaxNodes = 40
	chartMaxH     = 165.0
	nodeRadius    = 2.6
)

// kindStyles give every kind of entity its own shape and its own colour,
// so that the legend tells an address from a phone and the chart reads
// the same printed in black and white.
var kindStyles = map[model.EntityKind]kindStyle{
	model.KindPerson:       {shapeCircle, [3]int{196, 69, 54}},
	model.KindOrganisation: {shapeSquare, [3]int{38, 84, 166}},
	model.KindVessel:       {shapeDiamond, [3]int{22, 130, 120}},
	model.KindContainer:    {shapeWide, [3]int{205, 130, 20}},
	model.KindVehicle:      {shapeTriangle, [3]int{120, 80, 160}},
	model.KindAddress:      {shapeHouse, [3]int{140, 100, 60}},
	model.KindPhone:        {shapeTriangleDown, [3]int{60, 150, 60}},
	model.KindEmail:        {shapeHexagon, [3]int{210, 90, 160}},
	model.KindBankAccount:  {shapeStar, [3]int{225, 190, 30}},
	model.KindWallet:       {shapeCross, [3]int{40, 40, 40}},
}

// otherStyle draws a kind only a newer workspace knows.
var otherStyle = kindStyle{shapeDiamond, [3]int{170, 170, 170}}

type kindStyle struct {
	shape  shape
	colour [3]int
}

type shape int

const (
	shapeCircle shape = iota
	shapeSquare
	shapeDiamond
	shapeWide
	shapeTriangle
	shapeHouse
	shapeTriangleDown
	shapeHexagon
	shapeStar
	shapeCross
)

type chartNode struct {
	entity model.Entity
	degree int
	x, y   float64
}

func (d *doc) relations() {
	d.section("relations")
	byID := map[string]model.Entity{}
	for _, ce := range d.file.Entities {
		byID[ce.Entity.ID] = ce.Entity
	}
	rels := d.chartRelations()
	nodes, related := d.chartNodes(rels, byID)
	d.beginTag("Figure", d.w.t("chart alt"))
	d.drawChart(nodes, rels)
	d.endTag()
	if related > len(nodes) {
		d.paragraph(d.w.tf("chart cap", d.w.count(len(nodes)), d.w.count(related)), 8)
	}
	d.subheading(d.w.t("relation list"))
	// The grading column is as narrow as its heading allows; the source
	// gives up what it needs.
	gradingW := max(16, d.labelWidth("B", 7.5, "grading"))
	t := d.table(7.5,
		column{title: d.w.t("from"), width: 40},
		column{title: d.w.t("relation"), width: 26},
		column{title: d.w.t("to"), width: 40},
		column{title: d.w.t("period"), width: 24},
		column{title: d.w.t("grading"), width: gradingW},
		column{title: d.w.t("source"), width: 34 - (gradingW - 16)},
	)
	for _, r := range rels {
		period := ""
		if !r.Since.IsZero() || !r.Until.IsZero() {
			period = d.w.date(r.Since) + " – " + d.w.date(r.Until)
		}
		t.row(d.red.name(byID[r.FromID]), d.w.choice("rel", string(r.Type)), d.red.name(byID[r.ToID]),
			period, r.Grading(), joinNonEmpty("\n", d.text(r.Source), d.text(r.Note)))
	}
}

// chartNodes picks the entities to draw, most connected first, and lays
// them out. related is how many entities have a relation at all.
func (d *doc) chartNodes(rels []model.Relation, byID map[string]model.Entity) (nodes []*chartNode, related int) {
	index := map[string]*chartNode{}
	for _, r := range rels {
		for _, id := range []string{r.FromID, r.ToID} {
			n := index[id]
			if n == nil {
				n = &chartNode{entity: byID[id]}
				index[id] = n
				nodes = append(nodes, n)
			}
			n.degree++
		}
	}
	related = len(nodes)
	sort.SliceStable(nodes, func(i, j int) bool {
		if nodes[i].degree != nodes[j].degree {
			return nodes[i].degree > nodes[j].degree
		}
		return nodes[i].entity.ID < nodes[j].entity.ID
	})
	if len(nodes) > chartMaxNodes {
		nodes = nodes[:chartMaxNodes]
	}
	layout(nodes, rels, contentWidth, chartHeight(len(nodes)))
	return nodes, related
}

// layout places the nodes by a force-directed (Fruchterman–Reingold)
// simulation: related nodes pull together, all nodes push apart. It starts
// from a circle and runs a fixed number of steps, so the same case always
// gives the same drawing.
func layout(nodes []*chartNode, rels []model.Relation, width, height float64) {
	n := len(nodes)
	if n == 0 {
		return
	}
	at := map[string]int{}
	for i, nd := range nodes {
		at[nd.entity.ID] = i
		angle := 2 * math.Pi * float64(i) / float64(n)
		nd.x = width/2 + width/3*math.Cos(angle)
		nd.y = height/2 + height/3*math.Sin(angle)
	}
	if n == 1 {
		nodes[0].x, nodes[0].y = width/2, height/2
		return
	}
	// Labels are wide, so keep nodes further apart across than down.
	padX, padY := 18.0, 8.0
	k := 0.9 * math.Sqrt((width-2*padX)*(height-2*padY)/float64(n))
	const steps = 300
	dx, dy := make([]float64, n), make([]float64, n)
	for step := 0; step < steps; step++ {
		temp := width / 8 * (1 - float64(step)/steps)
		for i := range dx {
			dx[i], dy[i] = 0, 0
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				ex, ey := nodes[i].x-nodes[j].x, (nodes[i].y-nodes[j].y)*1.6
				dist := math.Max(math.Hypot(ex, ey), 0.5)
				force := k * k / dist
				dx[i] += ex / dist * force
				dy[i] += ey / dist * force
				dx[j] -= ex / dist * force
				dy[j] -= ey / dist * force
			}
		}
		for _, r := range rels {
			i, ok1 := at[r.FromID]
			j, ok2 := at[r.ToID]
			if !ok1 || !ok2 || i == j {
				continue
			}
			ex, ey := nodes[i].x-nodes[j].x, nodes[i].y-nodes[j].y
			dist := math.Max(math.Hypot(ex, ey), 0.5)
			force := dist * dist / k
			dx[i] -= ex / dist * force
			dy[i] -= ey / dist * force
			dx[j] += ex / dist * force
			dy[j] += ey / dist * force
		}
		for i, nd := range nodes {
			// A gentle pull to the centre keeps unconnected parts on the page.
			dx[i] += (width/2 - nd.x) * 0.02 * k
			dy[i] += (height/2 - nd.y) * 0.02 * k
			move := math.Hypot(dx[i], dy[i])
			if move > 0 {
				limit := math.Min(move, temp)
				nd.x += dx[i] / move * limit
				nd.y += dy[i] / move * limit
			}
			nd.x = math.Min(math.Max(nd.x, padX), width-padX)
			nd.y = math.Min(math.Max(nd.y, padY), height-padY)
		}
	}
}

// chartHeight grows with the number of entities: three companies need
// no full page.
func chartHeight(nodes int) float64 { return min(chartMaxH, 45+float64(nodes)*6) }

// chartEdge is a relation drawn as an arrow between the centres of two
// nodes, in mm from the frame's top left corner, with its word.
type chartEdge struct {
	x1, y1, x2, y2 float64
	text           string
}

// chartEdges are the arrows between the laid-out nodes: one per relation
// whose ends are both drawn and apart.
func (d *doc) chartEdges(nodes []*chartNode, rels []model.Relation) []chartEdge {
	at := map[string]*chartNode{}
	for _, n := range nodes {
		at[n.entity.ID] = n
	}
	var edges []chartEdge
	for _, r := range rels {
		from, to := at[r.FromID], at[r.ToID]
		if from == nil || to == nil || math.Hypot(to.x-from.x, to.y-from.y) < 2*nodeRadius {
			continue
		}
		edges = append(edges, chartEdge{from.x, from.y, to.x, to.y, d.w.choice("rel", string(r.Type))})
	}
	return edges
}

// drawChart draws the laid-out nodes and the relations between them in a
// frame under the heading, with a legend of the kinds.
func (d *doc) drawChart(nodes []*chartNode, rels []model.Relation) {
	p := d.pdf
	top := p.GetY() + 2
	height := chartHeight(len(nodes))
	p.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	p.SetLineWidth(0.2)
	p.Rect(marginLeft, top, contentWidth, height, "D")
	edges := d.chartEdges(nodes, rels)
	labels := d.placeLabels(nodes, edges, contentWidth, height)

	// Arrows first, so that the shapes and names sit on top of them.
	p.SetDrawColor(120, 120, 120)
	p.SetFillColor(120, 120, 120)
	p.SetLineWidth(0.25)
	for _, e := range edges {
		x1, y1 := marginLeft+e.x1, top+e.y1
		x2, y2 := marginLeft+e.x2, top+e.y2
		dist := math.Hypot(x2-x1, y2-y1)
		ux, uy := (x2-x1)/dist, (y2-y1)/dist
		tipX, tipY := x2-ux*(nodeRadius+0.4), y2-uy*(nodeRadius+0.4)
		p.Line(x1+ux*nodeRadius, y1+uy*nodeRadius, tipX, tipY)
		const head, half = 2.0, 0.8
		p.Polygon([]gofpdf.PointType{
			{X: tipX, Y: tipY},
			{X: tipX - ux*head - uy*half, Y: tipY - uy*head + ux*half},
			{X: tipX - ux*head + uy*half, Y: tipY - uy*head - ux*half},
		}, "F")
	}
	for _, n := range nodes {
		d.shape(n.entity.Kind, marginLeft+n.x, top+n.y, nodeRadius)
	}
	// The labels last, each on a white ground where nothing else is.
	p.SetFillColor(255, 255, 255)
	for _, l := range labels {
		if l.edge {
			d.font("", edgeSize)
			p.SetTextColor(80, 80, 80)
		} else {
			d.font("", nameSize)
			p.SetTextColor(0, 0, 0)
		}
		p.SetXY(marginLeft+l.box.x, top+l.box.y)
		p.CellFormat(l.box.w, l.box.h, l.text, "", 0, "C", true, 0, "")
	}
	p.SetTextColor(0, 0, 0)

	// Legend: one shape per kind that appears, running on to a new line
	// at the right margin.
	x, y := marginLeft+2, top+height+4
	d.font("", 7)
	for _, k := range d.legendKinds(nodes) {
		label := d.w.choice("kind", string(k))
		w := 4 + d.width(label) + 1
		if x+w > marginLeft+contentWidth && x > marginLeft+2 {
			x, y = marginLeft+2, y+4.5
		}
		d.shape(k, x+1.5, y, 1.5)
		d.font("", 7)
		p.SetTextColor(0, 0, 0)
		p.SetXY(x+4, y-1.7)
		p.CellFormat(d.width(label)+1, 3.4, label, "", 0, "L", false, 0, "")
		x += w + 5
	}
	p.SetXY(marginLeft, y+4)
}

// legendKinds are the kinds drawn in the chart, in the model's order, then
// any a newer workspace knows.
func (d *doc) legendKinds(nodes []*chartNode) []model.EntityKind {
	drawn := map[model.EntityKind]bool{}
	for _, n := range nodes {
		drawn[n.entity.Kind] = true
	}
	var kinds []model.EntityKind
	for _, k := range model.EntityKinds {
		if drawn[k] {
			kinds = append(kinds, k)
			delete(drawn, k)
		}
	}
	var rest []model.EntityKind
	for k := range drawn {
		rest = append(rest, k)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	return append(kinds, rest...)
}

// shape draws an entity's mark, in its kind's shape and colour.
func (d *doc) shape(k model.EntityKind, x, y, r float64) {
	p := d.pdf
	st, ok := kindStyles[k]
	if !ok {
		st = otherStyle
	}
	c := st.colour
	p.SetFillColor(c[0], c[1], c[2])
	p.SetDrawColor(40, 40, 40)
	p.SetLineWidth(0.2)
	poly := func(pts ...[2]float64) {
		ps := make([]gofpdf.PointType, len(pts))
		for i, pt := range pts {
			ps[i] = gofpdf.PointType{X: x + pt[0]*r, Y: y + pt[1]*r}
		}
		p.Polygon(ps, "FD")
	}
	regular := func(n int, radius, turn float64) {
		pts := make([][2]float64, n)
		for i := range pts {
			a := turn + 2*math.Pi*float64(i)/float64(n)
			pts[i] = [2]float64{radius * math.Cos(a), radius * math.Sin(a)}
		}
		poly(pts...)
	}
	switch st.shape {
	case shapeCircle:
		p.Circle(x, y, r, "FD")
	case shapeSquare:
		poly([2]float64{-1, -1}, [2]float64{1, -1}, [2]float64{1, 1}, [2]float64{-1, 1})
	case shapeDiamond:
		poly([2]float64{0, -1.2}, [2]float64{1.2, 0}, [2]float64{0, 1.2}, [2]float64{-1.2, 0})
	case shapeWide:
		poly([2]float64{-1.4, -0.7}, [2]float64{1.4, -0.7}, [2]float64{1.4, 0.7}, [2]float64{-1.4, 0.7})
	case shapeTriangle:
		regular(3, 1.25, -math.Pi/2)
	case shapeTriangleDown:
		regular(3, 1.25, math.Pi/2)
	case shapeHouse:
		poly([2]float64{0, -1.2}, [2]float64{1, -0.2}, [2]float64{1, 1}, [2]float64{-1, 1}, [2]float64{-1, -0.2})
	case shapeHexagon:
		regular(6, 1.1, 0)
	case shapeStar:
		pts := make([][2]float64, 10)
		for i := range pts {
			radius := 1.3
			if i%2 == 1 {
				radius = 0.55
			}
			a := -math.Pi/2 + math.Pi*float64(i)/5
			pts[i] = [2]float64{radius * math.Cos(a), radius * math.Sin(a)}
		}
		poly(pts...)
	case shapeCross:
		const a, b = 0.4, 1.1
		poly([2]float64{-a, -b}, [2]float64{a, -b}, [2]float64{a, -a}, [2]float64{b, -a}, [2]float64{b, a}, [2]float64{a, a},
			[2]float64{a, b}, [2]float64{-a, b}, [2]float64{-a, a}, [2]float64{-b, a}, [2]float64{-b, -a}, [2]float64{-a, -a})
	}
}
