//go:build windows

// winhold holds files open the way Excel, Acrobat or a backup tool does on
// Windows: with no sharing, so that no other program may read, write or
// replace them. It prints "held" once it has them all, and lets go when its
// standard input closes. The Wine tests of cli start it beside bollard.exe.
package main

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

func main() {
	var held []syscall.Handle
	for _, path := range os.Args[1:] {
		name, err := syscall.UTF16PtrFromString(path)
		if err != nil {
			fail(path, err)
		}
		h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
		if err != nil {
			fail(path, err)
		}
		held = append(held, h)
	}
	fmt.Println("held")
	io.Copy(io.Discard, os.Stdin)
	for _, h := range held {
		syscall.CloseHandle(h)
	}
}

func fail(path string, err error) {
	fmt.Fprintf(os.Stderr, "winhold: %s: %v\n", path, err)
	os.Exit(1)
}
