package dossier

import "math"

// box is a rectangle on the chart, in mm from the frame's top left corner.
type box struct{ x, y, w, h float64 }

// overlaps says whether two boxes share any area, with a hair of room
// between them so that touching labels still read apart.
func (a box) overlaps(b box) bool {
	const hair = 0.2
	return a.x < b.x+b.w+hair && b.x < a.x+a.w+hair && a.y < b.y+b.h+hair && b.y < a.y+a.h+hair
}

// crosses says whether the segment from (x1, y1) to (x2, y2) passes
// through the box (Liang–Barsky clipping).
func (a box) crosses(x1, y1, x2, y2 float64) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := x2-x1, y2-y1
	for _, c := range [4][2]float64{{-dx, x1 - a.x}, {dx, a.x + a.w - x1}, {-dy, y1 - a.y}, {dy, a.y + a.h - y1}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

func (a box) inside(width, height float64) bool {
	return a.x >= 0 && a.y >= 0 && a.x+a.w <= width && a.y+a.h <= height
}

// chartLabel is a name or a relation's word placed on the chart.
type chartLabel struct {
	text string
	box  box
	edge bool // a relation's label, in the smaller type
}

// The type of the labels: names, and the relations' words.
const (
	nameSize, nameH = 6.0, 2.8
	edgeSize, edgeH = 5.5, 2.6
)

// nodeBox is the room a node's shape takes, whatever its shape (the
// container's is the widest, the star the tallest).
func nodeBox(n *chartNode) box {
	const half = nodeRadius * 1.45
	return box{n.x - half, n.y - half, 2 * half, 2 * half}
}

// placeLabels places the names of the nodes, then the relations' words,
// where none lies under a node or another label: a name hidden under a
// node is a person the reader cannot see. A name goes under its node if
// there is room, else above, beside or further out, and shortened if it
// must be; a relation's word goes on its arrow, at the middle or further
// along. A label with no room anywhere is left out: the table under the
// chart names every entity and relation in full. Names are placed most
// connected first, so the ones that matter most get the best places.
func (d *doc) placeLabels(nodes []*chartNode, edges []chartEdge, width, height float64) []chartLabel {
	taken := make([]box, 0, len(nodes)*3)
	for _, n := range nodes {
		taken = append(taken, nodeBox(n))
	}
	free := func(b box) bool {
		if !b.inside(width, height) {
			return false
		}
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	// A name is better off any arrow too, where it hides no arrowhead;
	// in a crowded chart it may have to lie across one.
	clear := func(b box) bool {
		if !free(b) {
			return false
		}
		for _, e := range edges {
			if b.crosses(e.x1, e.y1, e.x2, e.y2) {
				return false
			}
		}
		return true
	}
	var out []chartLabel
	d.font("", nameSize)
	for _, n := range nodes {
		full := d.red.name(n.entity)
	place:
		for _, ok := range []func(box) bool{clear, free} {
			for _, most := range []float64{34, 22, 14} {
				text := d.clip(full, most)
				w := d.width(text) + 1
				if b, found := firstFree(nameSpots(n, w), ok); found {
					taken = append(taken, b)
					out = append(out, chartLabel{text: text, box: b})
					break place
				}
			}
		}
	}
	d.font("", edgeSize)
	for _, e := range edges {
		w := d.width(e.text) + 1
		if b, ok := firstFree(edgeSpots(e, w), free); ok {
			taken = append(taken, b)
			out = append(out, chartLabel{text: e.text, box: b, edge: true})
		}
	}
	return out
}

func firstFree(spots []box, free func(box) bool) (box, bool) {
	for _, b := range spots {
		if free(b) {
			return b, true
		}
	}
	return box{}, false
}

// nameSpots are the places a name of width w may go, best first: under
// its node, above, to the right, to the left, then the corners, then
// further out in each direction.
func nameSpots(n *chartNode, w float64) []box {
	const r, gap = nodeRadius * 1.45, 0.3
	x, y, h := n.x, n.y, nameH
	var spots []box
	for ring := 0.0; ring < 4; ring++ {
		out := ring * (h + gap)
		spots = append(spots,
			box{x - w/2, y + r + gap + out, w, h},
			box{x - w/2, y - r - gap - h - out, w, h},
			box{x + r + gap + out, y - h/2, w, h},
			box{x - r - gap - w - out, y - h/2, w, h},
			box{x + r/2 + out, y + r + gap + out, w, h},
			box{x - r/2 - w - out, y + r + gap + out, w, h},
			box{x + r/2 + out, y - r - gap - h - out, w, h},
			box{x - r/2 - w - out, y - r - gap - h - out, w, h},
		)
	}
	return spots
}

// edgeSpots are the places a relation's word of width w may go, on its
// arrow: at the middle, then further along either way, then just off it.
func edgeSpots(e chartEdge, w float64) []box {
	h := edgeH
	var spots []box
	for _, off := range []float64{0, h * 0.6, -h * 0.6} {
		for _, f := range []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8} {
			cx := e.x1 + (e.x2-e.x1)*f
			cy := e.y1 + (e.y2-e.y1)*f
			// Off the arrow across it, so that the word still sits by it.
			dx, dy := e.y2-e.y1, -(e.x2 - e.x1)
			if l := math.Hypot(dx, dy); l > 0 {
				cx, cy = cx+dx/l*off, cy+dy/l*off
			}
			spots = append(spots, box{cx - w/2, cy - h/2, w, h})
		}
	}
	return spots
}
