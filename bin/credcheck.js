#!/usr/bin/env node
// Tiny on purpose: everything lives in the built CLI so start-up stays fast.
import '../dist/src/cli.js';
