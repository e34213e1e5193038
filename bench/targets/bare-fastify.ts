/** The peer: a bare Fastify handler returning a list of the same shape, with no auth, no database. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const items = Array.from({ length: 20 }, (_, index) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  severity: 'high',
  status: 'new',
  region: 'KZ-75',
  title: 'Угроза убийством в обращении',
  summary: 'Слова «убью» дали метку threat.',
}));
app.get('/items', () => ({ items, nextCursor: null }));
app.post('/items', (request) => ({ item: request.body }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`,
);
