import { useEffect, useRef, useState } from "react";

/** Text that becomes an input on double-click or Enter, committed on Enter or blur, cancelled with Escape. */
export function InlineText({ value, label, onCommit, disabled, className }: {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
  className?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) {
      input.current?.select();
    }
  }, [editing]);

  if (editing) {
    const commit = () => {
      setEditing(false);
      const trimmed = draft.trim();
      if (trimmed && trimmed !== value) {
        onCommit(trimmed);
      }
    };
    return (
      <input
        ref={input}
        className={`inline-input ${className ?? ""}`}
        aria-label={label}
        value={draft}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            commit();
          } else if (event.key === "Escape") {
            setEditing(false);
            setDraft(value);
          }
        }}
      />
    );
  }

  return (
    <span
      className={`inline-text ${className ?? ""}`}
      tabIndex={disabled ? -1 : 0}
      role={disabled ? undefined : "button"}
      aria-label={disabled ? undefined : `${label}: ${value}. Press Enter to rename.`}
      title={disabled ? value : "Double-click to rename"}
      onDoubleClick={() => !disabled && (setDraft(value), setEditing(true))}
      onKeyDown={(event) => {
        if (!disabled && event.key === "Enter" && event.target === event.currentTarget) {
          setDraft(value);
          setEditing(true);
        }
      }}
    >
      {value}
    </span>
  );
}
