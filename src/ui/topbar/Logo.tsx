/** The Kubeplay mark: a helm wheel in Kubernetes blue, drawn inline. */
export function Logo() {
  const spokes = Array.from({ length: 7 }, (_, i) => (i * 360) / 7);
  return (
    <svg className="logo" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" focusable="false">
      <path d="M16 1.8 28.4 7.8 31.4 21.2 22.9 31.9H9.1L.6 21.2 3.6 7.8Z" fill="#326ce5" />
      <g stroke="#fff" strokeWidth="2" strokeLinecap="round" fill="none">
        <circle cx="16" cy="17" r="7" />
        {spokes.map((a) => (
          <line key={a} x1="16" y1="17" x2="16" y2="6.5" transform={`rotate(${a} 16 17)`} />
        ))}
      </g>
      <circle cx="16" cy="17" r="2.6" fill="#fff" />
    </svg>
  );
}
