/**
 * An approximate outline of the Municipality of Mytilene: the eastern part of Lesvos since 2019
 * (municipal units of Mytilene, Loutropoli Thermis, Mantamados, Evergetoulas, Gera, Agiasos and
 * Plomari), following the coast roughly and, inland, the line to West Lesvos (Kalloni, Polichnitos,
 * Agia Paraskevi, Mithymna, Petra, Eresos-Antissa). Good enough to refuse a pin dropped in another
 * municipality, on another island or in the sea off the Turkish coast; not a surveyed boundary.
 * Points run around the outline as [latitude, longitude].
 */
export const MUNICIPALITY_BOUNDARY: readonly (readonly [number, number])[] = [
  [39.395, 26.32], // north coast, above Mantamados
  [39.37, 26.37],
  [39.34, 26.41],
  [39.29, 26.465],
  [39.245, 26.5], // Skala Neon Kydonion
  [39.215, 26.515], // Skala Mistegnon
  [39.18, 26.525], // Thermi's coast
  [39.14, 26.565], // Pamfila
  [39.11, 26.585], // Mytilene harbour
  [39.07, 26.615],
  [39.03, 26.6], // Agios Ermogenis
  [39.0, 26.55],
  [38.975, 26.5],
  [38.955, 26.44],
  [38.96, 26.37], // Plomari's coast
  [38.97, 26.3],
  [39.0, 26.26], // towards Polichnitos, outside
  [39.06, 26.26],
  [39.12, 26.25], // east shore of the Gulf of Kalloni
  [39.19, 26.26],
  [39.26, 26.255],
  [39.33, 26.26],
  [39.38, 26.28],
]
