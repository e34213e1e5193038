export { supervisionModule } from './module.js';
