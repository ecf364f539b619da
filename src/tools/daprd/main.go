// Command daprd is Dapr's sidecar runtime, built from the released module.
// Build with -tags stablecomponents: without a component tag daprd panics at start.
package main

import "github.com/dapr/dapr/cmd/daprd/app"

func main() {
	app.Run()
}
