// Package asynchooks is node:async_hooks (async_hooks.js): AsyncLocalStorage
// and AsyncResource on the runtime's async context frame.
package asynchooks

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed async_hooks.js
var asyncHooksJS string

var file = module.NewJSFile("edgedev:node/async_hooks.js", asyncHooksJS)

// providers are asyncWrapProviders' keys, all 0, as in workerd.
const providers = "NONE DIRHANDLE DNSCHANNEL ELDHISTOGRAM FILEHANDLE FILEHANDLECLOSEREQ BLOBREADER FSEVENTWRAP " +
	"FSREQCALLBACK FSREQPROMISE GETADDRINFOREQWRAP GETNAMEINFOREQWRAP HEAPSNAPSHOT HTTP2SESSION HTTP2STREAM " +
	"HTTP2PING HTTP2SETTINGS HTTPINCOMINGMESSAGE HTTPCLIENTREQUEST LOCKS JSSTREAM JSUDPWRAP MESSAGEPORT " +
	"PIPECONNECTWRAP PIPESERVERWRAP PIPEWRAP PROCESSWRAP PROMISE QUERYWRAP QUIC_ENDPOINT QUIC_LOGSTREAM " +
	"QUIC_SESSION QUIC_STREAM QUIC_UDP SHUTDOWNWRAP SIGNALWRAP STATWATCHER STREAMPIPE TCPCONNECTWRAP " +
	"TCPSERVERWRAP TCPWRAP TTYWRAP UDPSENDWRAP UDPWRAP SIGINTWATCHDOG WORKER WORKERCPUPROFILE WORKERCPUUSAGE " +
	"WORKERHEAPPROFILE WORKERHEAPSNAPSHOT WORKERHEAPSTATISTICS WRITEWRAP ZLIB CHECKPRIMEREQUEST PBKDF2REQUEST " +
	"KEYPAIRGENREQUEST KEYGENREQUEST KEYEXPORTREQUEST ARGON2REQUEST CIPHERREQUEST DERIVEBITSREQUEST HASHREQUEST " +
	"RANDOMBYTESREQUEST RANDOMPRIMEREQUEST SCRYPTREQUEST SIGNREQUEST TLSWRAP VERIFYREQUEST QUIC_PACKET"

// Exports returns what require("node:async_hooks") gives.
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	n := module.NewNatives(vm)
	n.Func("getFrame", func(goja.FunctionCall) goja.Value {
		if f, ok := h.AsyncFrame().(goja.Value); ok {
			return f
		}
		return goja.Undefined()
	})
	n.Func("setFrame", func(c goja.FunctionCall) goja.Value {
		if f := c.Argument(0); goja.IsUndefined(f) {
			h.SetAsyncFrame(nil)
		} else {
			h.SetAsyncFrame(f)
		}
		return goja.Undefined()
	})
	n.Value("providers", strings.Fields(providers))
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
