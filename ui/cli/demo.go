package cli

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/why401/why401/inspect/demo"
	"github.com/why401/why401/store/demoprofiles"
	"github.com/why401/why401/store/send"
)

func (e *env) demoCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo [serve|send]",
		Short: "The terminal app on the built-in demo API on loopback (writes nothing to your config, keyring or history)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.runDemoApp() },
	}
	var addr string
	serve := &cobra.Command{Use: "serve", Short: "Run only the demo API; prints its base URL first", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.runDemoServe(cmd.Context(), addr) }}
	serve.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on (loopback only)")
	var fl sendFlags
	sendCmd := &cobra.Command{Use: "send [-p dev|dev-oauth|staging|prod|qa|sandbox] [send flags] METHOD PATH",
		Short: "One request to an in-process demo API with a demo profile", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.jsonOut = fl.json
			return e.runDemoSend(cmd.Context(), fl, args[0], args[1])
		}}
	addSendFlags(sendCmd, &fl)
	cmd.AddCommand(serve, sendCmd)
	return cmd
}

func (e *env) runDemoServe(ctx context.Context, addr string) error {
	srv, err := demo.New(demo.Options{Addr: addr})
	if err != nil {
		return exitError{exitUsage, err}
	}
	if err := srv.Start(); err != nil {
		return exitError{exitUsage, err}
	}
	defer srv.Close()
	fmt.Fprintln(e.stdout, srv.URL())
	fmt.Fprintln(e.stdout, srv.Describe())
	ctx, stop := signal.NotifyContext(orBackground(ctx), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}

func (e *env) runDemoSend(ctx context.Context, fl sendFlags, method, path string) error {
	srv, err := demo.New(demo.Options{})
	if err != nil {
		return exitError{exitUsage, err}
	}
	if err := srv.Start(); err != nil {
		return exitError{exitUsage, err}
	}
	defer srv.Close()
	cfg, kr, err := demoprofiles.Build(srv.Credentials(), srv.URL())
	if err != nil {
		return exitError{exitUsage, err}
	}
	name := e.profile
	if name == "" {
		name = cfg.DefaultProfile
	}
	p, ok := cfg.Profile(name)
	if !ok {
		return usageErr("there is no demo profile %q; use one of %v", name, demoprofiles.Names())
	}
	e.kr = kr // the demo's secrets live in memory only
	e.res = nil
	e.noDiskCache = true
	deps := send.Deps{Resolver: e.resolver(), Keyring: kr, UI: e.flowUI(), Now: time.Now, UserAgent: "why401/" + version()} // no history
	return e.runSend(orBackground(ctx), cfg, p, deps, fl, method, path)
}

func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}
