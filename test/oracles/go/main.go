// Go oracle: config.LoadDefaultConfig + Credentials.Retrieve from aws-sdk-go-v2, one set-up after
// another with the process environment replaced. Every HTTP connection goes through a dialer that
// refuses (and records) anything but loopback; STS is pointed at the loopback STS with an endpoint
// resolver (1.17 has no AWS_ENDPOINT_URL_STS). Prints an OracleReport (see ../types.ts); never a secret.
// Usage: resolver CASES.json STS_URL
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

type ocase struct {
	Name string            `json:"name"`
	Env  map[string]string `json:"env"`
	// A profile the program names itself (config.WithSharedConfigProfile), as credcheck's --profile.
	Profile string `json:"profile,omitempty"`
}

type answer struct {
	Name        string   `json:"name"`
	Ok          bool     `json:"ok"`
	Source      string   `json:"source,omitempty"`
	AccessKeyID string   `json:"accessKeyId,omitempty"`
	TokenHash   string   `json:"tokenHash,omitempty"`
	Error       string   `json:"error,omitempty"`
	OffLoopback []string `json:"offLoopback"`
}

var off []string

// version is set at build time (-ldflags -X) from config/go_module_metadata.go.
var version = "unknown"

func dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, _ := net.SplitHostPort(addr)
	if !strings.HasPrefix(host, "127.") && host != "::1" && host != "localhost" {
		off = append(off, host)
		return nil, fmt.Errorf("oracle guard: %s is not loopback", host)
	}
	return (&net.Dialer{Timeout: 5 * time.Second}).DialContext(ctx, network, addr)
}

func source(s string) string {
	switch {
	case s == "EnvConfigCredentials":
		return "env"
	case strings.HasPrefix(s, "SharedConfigCredentials"):
		return "static"
	case s == "ProcessProvider":
		return "process"
	case s == "AssumeRoleProvider":
		return "assume-role"
	case s == "WebIdentityCredentials":
		return "web-identity"
	case s == "SSOProvider":
		return "sso"
	case s == "CredentialsEndpointProvider":
		return "container"
	case s == "EC2RoleProvider":
		return "imds"
	}
	return s
}

// errName: the innermost typed error (e.g. *config.SharedConfigProfileNotExistsError), else a short text.
func errName(err error) string {
	name := ""
	for e := err; e != nil; e = errors.Unwrap(e) {
		t := reflect.TypeOf(e).String()
		if !strings.HasPrefix(t, "*fmt.") && !strings.HasPrefix(t, "*errors.") {
			name = t
		}
	}
	if name == "" {
		name = reflect.TypeOf(err).String()
	}
	return strings.TrimPrefix(name, "*")
}

func main() {
	raw, _ := os.ReadFile(os.Args[1])
	stsURL := os.Args[2]
	var cases []ocase
	if err := json.Unmarshal(raw, &cases); err != nil {
		panic(err)
	}
	client := &http.Client{Transport: &http.Transport{DialContext: dial}}
	resolver := aws.EndpointResolverWithOptionsFunc(func(service, region string, _ ...interface{}) (aws.Endpoint, error) {
		if service == "STS" {
			return aws.Endpoint{URL: stsURL, SigningRegion: region}, nil
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
	var answers []answer
	for _, c := range cases {
		os.Clearenv()
		for k, v := range c.Env {
			os.Setenv(k, v)
		}
		// A Go program computes these from HOME once, at start-up (package-level vars in
		// config/shared_config.go); a fresh process per set-up would see the set-up's HOME.
		config.DefaultSharedConfigFiles = []string{config.DefaultSharedConfigFilename()}
		config.DefaultSharedCredentialsFiles = []string{config.DefaultSharedCredentialsFilename()}
		off = []string{}
		a := answer{Name: c.Name}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		opts := []func(*config.LoadOptions) error{config.WithHTTPClient(client), config.WithEndpointResolverWithOptions(resolver)}
		if c.Profile != "" {
			opts = append(opts, config.WithSharedConfigProfile(c.Profile))
		}
		cfg, err := config.LoadDefaultConfig(ctx, opts...)
		if err == nil {
			if cfg.Credentials == nil {
				err = errors.New("NoCredentials")
			} else {
				var creds aws.Credentials
				creds, err = cfg.Credentials.Retrieve(ctx)
				if err == nil {
					a.Ok, a.Source, a.AccessKeyID = true, source(creds.Source), creds.AccessKeyID
					if creds.SessionToken != "" {
						sum := sha256.Sum256([]byte(creds.SessionToken))
						a.TokenHash = hex.EncodeToString(sum[:])[:12]
					}
				}
			}
		}
		cancel()
		if err != nil {
			a.Error = errName(err)
		}
		a.OffLoopback = off
		answers = append(answers, a)
	}
	out, _ := json.Marshal(map[string]interface{}{"sdk": "go", "version": version, "answers": answers})
	fmt.Println(string(out))
}
