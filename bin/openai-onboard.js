#!/usr/bin/env node
// The executable only loads the bundle: all logic lives in dist/ (built from src/ by `npm install`).
import '../dist/cli.js';
