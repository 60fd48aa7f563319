package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// reachesPartners is what every removal question ends with: a removal is
// a change like any other, and a partner's copy of the case loses the
// record only when it receives the next package.
const reachesPartners = "The removal reaches partners with the next package."

// removal is the question asked before a link, a relation, a task or a
// note is taken out of its case, kept for tests: the dialog, and its
// answer as the officer would give it.
type removal struct {
	confirm dialog.Dialog
	answer  func(bool)
}

// askRemoval asks title and text, with confirmText on the button that
// removes; on yes it runs remove away from the window, shows a failure as
// doing (what the officer asked for) failing, and calls removed once the
// workspace holds the removal.
func askRemoval(win fyne.Window, bg *background, title, text, confirmText, doing string,
	remove func(ctx context.Context) error, removed func()) removal {
	answer := func(ok bool) {
		if !ok {
			return
		}
		inBackground(bg, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, remove(ctx)
		}, func(_ struct{}, err error) {
			if err != nil {
				showError(win, doing, err)
				return
			}
			removed()
		})
	}
	c := dialog.NewConfirm(title, text, answer, win)
	c.SetConfirmText(confirmText)
	c.SetDismissText("Cancel")
	c.Show()
	return removal{confirm: c, answer: answer}
}
