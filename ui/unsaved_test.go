package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// closerFor is the window's close button, with the window's closing and
// the saving of its size counted instead of done.
func closerFor(v *caseView) (c *windowCloser, closed, sized *int) {
	closed, sized = new(int), new(int)
	c = newWindowCloser(v.win, func() { *sized++ })
	c.close = func() { *closed++ }
	return c, closed, sized
}

func TestClosingWindowAsksOverUnsavedForm(t *testing.T) {
	_, v, _, win := caseViewOn(t, caseForTest("Counterfeit medicines by post"))
	c, closed, sized := closerFor(v)

	test.Tap(v.overview.actions.edit)
	f := v.editor.form
	test.Type(f.summary, "Parcels from the Far East")
	c.onClose()
	if *closed != 0 || c.asking == nil {
		t.Fatal("closing the window over a form with changes did not ask")
	}
	want := "You have unsaved changes in “Edit case " + v.ref + "”: discard them and close?"
	if !strings.Contains(onScreen(win), want) {
		t.Errorf("the question %q is not on the screen", want)
	}

	// Keep editing: the window and the form stay, with what was typed.
	c.answer(false)
	if *closed != 0 || *sized != 0 || !f.guard.open || f.summary.Text != "Parcels from the Far East" {
		t.Fatalf("“Keep editing” closed %d times, the form open %v with %q", *closed, f.guard.open, f.summary.Text)
	}

	// Discard and close.
	c.onClose()
	if c.asking == nil {
		t.Fatal("closing again did not ask again")
	}
	c.answer(true)
	if *closed != 1 || *sized != 1 {
		t.Errorf("“Discard and close” closed %d times and saved the size %d times", *closed, *sized)
	}
}

func TestClosingWindowWithoutUnsavedChanges(t *testing.T) {
	_, v, _, _ := caseViewOn(t, caseForTest("Cigarettes by road"))
	c, closed, sized := closerFor(v)

	// A form opened and left untouched loses nothing.
	test.Tap(v.overview.actions.edit)
	c.onClose()
	if *closed != 1 || *sized != 1 || c.asking != nil {
		t.Errorf("an untouched form: closed %d times, asked %v", *closed, c.asking != nil)
	}

	// Nor does one whose changes were typed, then cancelled.
	f := v.editor.form
	test.Type(f.summary, "Lorries through La Jonquera")
	f.guard.close()
	c.onClose()
	if *closed != 2 || c.asking != nil {
		t.Errorf("a form closed: closed %d times, asked %v", *closed, c.asking != nil)
	}
}
