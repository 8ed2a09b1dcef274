/** Every modelled SDK, in the order credcheck reports them. */
import { jsModel } from './js.js';
import { botocoreModel } from './botocore.js';
import { rubyModel } from './ruby.js';
import { goModel } from './go.js';
import { javaModel } from './java.js';
import type { SdkModel } from './world.js';

export const MODELS: SdkModel[] = [jsModel, botocoreModel, rubyModel, goModel, javaModel];
