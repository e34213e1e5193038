import type { PolygonGeometry } from '../../../core/index.js';

/** Demo cities with their centres, the region code and the number plates' region code (Kazakhstan since 2012). */
export interface DemoCity {
  key: string;
  name: string;
  region: string;
  plateRegion: string;
  centre: { lat: number; lon: number };
  cameras: number;
  streets: readonly string[];
  /** The surrounding oblast, where some people on probation may also go. */
  oblast?: string;
}

export const demoCities: readonly DemoCity[] = [
  {
    key: 'almaty',
    name: 'Алматы',
    region: 'KZ-75',
    plateRegion: '02',
    centre: { lat: 43.2389, lon: 76.8897 },
    cameras: 18,
    oblast: 'KZ-19',
    streets: [
      'пр. Абая',
      'пр. Аль-Фараби',
      'ул. Толе би',
      'пр. Райымбека',
      'ул. Сатпаева',
      'пр. Достык',
      'ул. Жандосова',
      'пр. Назарбаева',
      'ул. Байзакова',
      'пр. Сейфуллина',
    ],
  },
  {
    key: 'astana',
    name: 'Астана',
    region: 'KZ-71',
    plateRegion: '01',
    centre: { lat: 51.128, lon: 71.4304 },
    cameras: 14,
    oblast: 'KZ-11',
    streets: [
      'пр. Кабанбай батыра',
      'пр. Туран',
      'пр. Республики',
      'ул. Сыганак',
      'пр. Абая',
      'пр. Сарыарка',
      'ул. Кенесары',
      'пр. Мангилик Ел',
    ],
  },
  {
    key: 'shymkent',
    name: 'Шымкент',
    region: 'KZ-79',
    plateRegion: '17',
    centre: { lat: 42.3417, lon: 69.5901 },
    cameras: 10,
    oblast: 'KZ-61',
    streets: [
      'пр. Тауке хана',
      'пр. Республики',
      'ул. Байтурсынова',
      'пр. Кунаева',
      'ул. Толе би',
      'пр. Жибек жолы',
    ],
  },
  {
    key: 'karaganda',
    name: 'Караганда',
    region: 'KZ-35',
    plateRegion: '09',
    centre: { lat: 49.8047, lon: 73.1094 },
    cameras: 10,
    streets: [
      'пр. Бухар жырау',
      'пр. Нурсултана Назарбаева',
      'ул. Ерубаева',
      'пр. Строителей',
      'ул. Гоголя',
      'пр. Республики',
    ],
  },
  {
    key: 'aktobe',
    name: 'Актобе',
    region: 'KZ-15',
    plateRegion: '04',
    centre: { lat: 50.2839, lon: 57.167 },
    cameras: 8,
    streets: [
      'пр. Абулхаир хана',
      'пр. Санкибай батыра',
      'ул. Маресьева',
      'пр. Алии Молдагуловой',
      'ул. Бокенбай батыра',
    ],
  },
];

export interface DemoZone {
  id: string;
  name: string;
  kind: 'illegal_mining' | 'protected_land' | 'border_strip';
  region: string;
  geometry: PolygonGeometry;
  forbiddenActivities: string[];
  /** The drone that patrols it. */
  drone: { id: string; name: string; agencyRegion: string };
}

/** A closed ring from corner points given as [lon, lat]. */
const ring = (first: [number, number], ...rest: [number, number][]): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[first, ...rest, first]],
});

/** Areas where illegal gold and coal mining has been reported, a nature park and a stretch of the Chinese border. */
export const demoZones: readonly DemoZone[] = [
  {
    id: 'zone-ulytau-karasu',
    name: 'Россыпь золота Карасу (Улытау)',
    kind: 'illegal_mining',
    region: 'KZ-62',
    geometry: ring([67.0, 48.0], [67.12, 48.0], [67.14, 48.08], [67.05, 48.12], [66.98, 48.06]),
    forbiddenActivities: ['excavation', 'heavy_machinery', 'washing_plant'],
    drone: { id: 'drone-ulytau-01', name: 'БПЛА Улытау-1', agencyRegion: 'KZ-62' },
  },
  {
    id: 'zone-ulytau-zhezkazgan',
    name: 'Отвалы у Жезказгана',
    kind: 'illegal_mining',
    region: 'KZ-62',
    geometry: ring([67.6, 47.72], [67.72, 47.72], [67.72, 47.8], [67.6, 47.8]),
    forbiddenActivities: ['excavation', 'heavy_machinery'],
    drone: { id: 'drone-ulytau-02', name: 'БПЛА Улытау-2', agencyRegion: 'KZ-62' },
  },
  {
    id: 'zone-karaganda-coal',
    name: 'Незаконный угольный разрез (Шахтинск)',
    kind: 'illegal_mining',
    region: 'KZ-35',
    geometry: ring([72.5, 49.68], [72.62, 49.68], [72.64, 49.75], [72.52, 49.77]),
    forbiddenActivities: ['excavation', 'heavy_machinery', 'coal_transport'],
    drone: { id: 'drone-karaganda-01', name: 'БПЛА Караганда-1', agencyRegion: 'KZ-35' },
  },
  {
    id: 'zone-vko-kalba',
    name: 'Золотоносные участки Калбинского хребта',
    kind: 'illegal_mining',
    region: 'KZ-63',
    geometry: ring([82.5, 49.25], [82.7, 49.25], [82.72, 49.36], [82.55, 49.4]),
    forbiddenActivities: ['excavation', 'heavy_machinery', 'washing_plant'],
    drone: { id: 'drone-vko-01', name: 'БПЛА ВКО-1', agencyRegion: 'KZ-63' },
  },
  {
    id: 'zone-altyn-emel',
    name: 'ГНПП «Алтын-Эмель»',
    kind: 'protected_land',
    region: 'KZ-33',
    geometry: ring([78.3, 43.95], [78.8, 43.95], [78.8, 44.2], [78.3, 44.2]),
    forbiddenActivities: ['hunting', 'heavy_machinery', 'excavation', 'campfire'],
    drone: { id: 'drone-zhetysu-01', name: 'БПЛА Жетісу-1', agencyRegion: 'KZ-33' },
  },
  {
    id: 'zone-border-maikapchagai',
    name: 'Пограничная полоса у Майкапчагая',
    kind: 'border_strip',
    region: 'KZ-63',
    geometry: ring([85.4, 47.3], [85.6, 47.3], [85.6, 47.6], [85.4, 47.6]),
    forbiddenActivities: ['border_crossing', 'person', 'vehicle'],
    drone: { id: 'drone-border-01', name: 'БПЛА погранполоса-1', agencyRegion: 'KZ-63' },
  },
];

/** Activities drones also see that no zone forbids. */
export const harmlessActivities = ['livestock', 'wildlife', 'shepherd'] as const;

export interface DemoOrderRule {
  id: string;
  name: string;
  city: string;
  region: string;
  lat: number;
  lon: number;
  radiusM: number;
  activities: ('fight' | 'crowd')[];
  from: string;
  to: string;
  minCrowd: number;
}

export const demoOrderRules: readonly DemoOrderRule[] = [
  {
    id: 'order-almaty-arbat',
    name: 'Арбат (ул. Жибек Жолы), Алматы',
    city: 'almaty',
    region: 'KZ-75',
    lat: 43.2617,
    lon: 76.9445,
    radiusM: 350,
    activities: ['fight', 'crowd'],
    from: '18:00',
    to: '04:00',
    minCrowd: 100,
  },
  {
    id: 'order-almaty-central-stadium',
    name: 'Центральный стадион, Алматы',
    city: 'almaty',
    region: 'KZ-75',
    lat: 43.2335,
    lon: 76.9256,
    radiusM: 500,
    activities: ['fight', 'crowd'],
    from: '00:00',
    to: '23:59',
    minCrowd: 500,
  },
  {
    id: 'order-astana-arena',
    name: 'Астана Арена',
    city: 'astana',
    region: 'KZ-71',
    lat: 51.1083,
    lon: 71.4028,
    radiusM: 500,
    activities: ['fight'],
    from: '00:00',
    to: '23:59',
    minCrowd: 500,
  },
  {
    id: 'order-shymkent-ordabasy',
    name: 'Площадь Ордабасы, Шымкент',
    city: 'shymkent',
    region: 'KZ-79',
    lat: 42.3155,
    lon: 69.5869,
    radiusM: 300,
    activities: ['fight', 'crowd'],
    from: '20:00',
    to: '02:00',
    minCrowd: 200,
  },
];
