import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

export interface RouteTab<Key extends string> {
  key: Key;
  label: string;
  /** The tab's own address, so it can be linked to. */
  to: string;
}

interface RouteTabsProps<Key extends string> {
  /** What the tabs choose between: "Invitations". */
  label: string;
  tabs: readonly RouteTab<Key>[];
  current: Key;
}

/**
 * ARIA tabs whose panels are addresses: arrows, Home and End move between them, and the panel
 * is `panel-KEY`, labelled by the tab `tab-KEY`.
 */
export function RouteTabs<Key extends string>({ label, tabs, current }: RouteTabsProps<Key>) {
  const navigate = useNavigate();
  const refs = useRef(new Map<Key, HTMLButtonElement>());

  function select(tab: RouteTab<Key>) {
    void navigate(tab.to);
    refs.current.get(tab.key)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.key === current);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    let target: RouteTab<Key> | undefined;
    if (step) target = tabs[(index + step + tabs.length) % tabs.length];
    if (event.key === 'Home') target = tabs[0];
    if (event.key === 'End') target = tabs.at(-1);
    if (!target) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          ref={(element) => {
            if (element) refs.current.set(tab.key, element);
            else refs.current.delete(tab.key);
          }}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={tab.key === current}
          aria-controls={`panel-${tab.key}`}
          tabIndex={tab.key === current ? 0 : -1}
          className="tab"
          onClick={() => select(tab)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The panel of the tab `current` of RouteTabs. */
export function RouteTabPanel({ current, children }: { current: string; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={`panel-${current}`}
      aria-labelledby={`tab-${current}`}
      className="tabpanel"
      tabIndex={-1}
    >
      {children}
    </div>
  );
}
