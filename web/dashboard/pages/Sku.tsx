/** One SKU: to be built (issue 11). */
export default function Sku({ sku }: { sku: string }) {
  return (
    <section className="panel">
      <h1>{sku}</h1>
    </section>
  );
}
