// Name pools for sample people and villages: plausible, invented, never repeated.
import type { Rng } from './random';

const SURNAMES = [...'王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴钟汪田任姜范方石谭廖邹熊金陆孔白崔康邱秦江史顾侯邵孟万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [
  '建国', '志强', '红梅', '国华', '立新', '海燕', '晓东', '春生', '秀英', '德明', '文斌', '丽华', '永红', '振华', '玉兰',
  '明亮', '卫东', '桂芳', '学军', '爱民', '小平', '凤英', '俊杰', '新民', '光荣', '金华', '少波', '家兴', '慧敏', '长青',
  '伟', '静', '军', '芳', '勇', '敏', '磊', '涛', '艳', '斌', '娟', '鹏', '琳', '浩', '霞',
];

/** A fresh person's name (never one already handed out, nor one the source names). */
export function personNames(rng: Rng) {
  const used = new Set<string>(['夏宗祥']);
  return () => {
    for (;;) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

const PLACE_PREFIX = [...'青石柳桃枫竹梅荷松双凤龙长新红金东西南北万丰高太百碧'];
const PLACE_SUFFIX = ['山村', '河村', '湖村', '岭村', '畈村', '冲村', '桥村', '港村', '咀村', '湾村', '林村', '塘村', '岗村', '洲村', '园村', '堰村'];
const CLAN_SUFFIX = ['家湾村', '家岗村', '家畈村', '家冲村', '家咀村', '家桥村', '家店村', '家台村', '家河村', '家墩村', '家集村', '家寨村'];

/** A fresh village name; `reserved` holds names taken elsewhere (the source's villages). */
export function villageNames(rng: Rng, reserved: Iterable<string>) {
  const used = new Set<string>(reserved);
  return (fixed?: string) => {
    for (;;) {
      const name = fixed ?? (rng.chance(0.5) ? rng.pick(PLACE_PREFIX) + rng.pick(PLACE_SUFFIX) : rng.pick(SURNAMES) + rng.pick(CLAN_SUFFIX));
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
      if (fixed) throw new Error(`seed: village name ${fixed} is taken`);
    }
  };
}
