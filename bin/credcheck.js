#!/usr/bin/env node
// Tiny on purpose: everything lives in the bundled CLI so start-up stays fast.
import '../dist/bundle/cli.js';
