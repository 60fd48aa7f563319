package ui

import (
	"io"
	"log"
	"strings"
	"sync"
)

// logHearing listens to the standard log while the window is created, for
// the words the system gave when it could not be: Fyne and go-gl/glfw
// report them only there (nowindow.go says why). The lines still go where
// the log went before.
type logHearing struct {
	mu   sync.Mutex
	next io.Writer
	said string // the first of the system's words heard
}

func hearLog() *logHearing {
	h := &logHearing{next: log.Writer()}
	log.SetOutput(h)
	return h
}

// The beginnings of the lines that carry the system's words: go-gl/glfw's
// logged platform error ("PlatformError: WGL: Failed to set pixel format
// for dummy context: Invalid window handle") and the cause under Fyne's
// "window creation error" ("  Cause: APIUnavailable: GLX: GLX extension not
// found").
var systemWords = []string{"PlatformError: ", "Cause: "}

func (h *logHearing) Write(p []byte) (int, error) {
	h.mu.Lock()
	if h.said == "" {
		line := strings.TrimSpace(string(p))
		for _, w := range systemWords {
			if i := strings.Index(line, w); i >= 0 {
				h.said = strings.TrimPrefix(line[i:], "Cause: ")
				break
			}
		}
	}
	next := h.next
	h.mu.Unlock()
	return next.Write(p)
}

// stop puts the log back as it was and returns what the system said.
func (h *logHearing) stop() string {
	log.SetOutput(h.next)
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.said
}
