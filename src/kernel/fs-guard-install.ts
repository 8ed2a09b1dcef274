// Imported first by cli.ts: ES modules evaluate in import order, so the guards are in place before
// any other credcheck module, commander, or (later, lazily) the AWS SDK is loaded.
import { installFsGuard } from './fs-guard.js';
import { installNetGuard } from './net-guard.js';

installFsGuard();
installNetGuard();
