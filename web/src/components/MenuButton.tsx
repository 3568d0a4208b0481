import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  /** Why the item cannot be chosen now: it stays in the menu, saying so, and does nothing. */
  unavailable?: string;
}

interface MenuButtonProps {
  children: ReactNode;
  items: MenuItem[];
  className?: string;
  /** Accessible name when the visible label is only an icon. */
  label?: string;
}

export function MenuButton({ children, items, className = 'button', label }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [placement, setPlacement] = useState('menu');

  // The menu opens below and to the left of its button; where the screen has no room for that
  // (a button near the left edge at 375 px, or near the bottom), it turns to where there is.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (!open || !menu || !button) return;
    const margin = 8;
    const at = button.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = menu;
    const classes = ['menu'];
    if (at.right - width < margin) classes.push('menu-start');
    const roomBelow = window.innerHeight - at.bottom;
    if (roomBelow < height + margin && at.top > height + margin) classes.push('menu-up');
    setPlacement(classes.join(' '));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOnOutside = (event: MouseEvent) => {
      if (!(event.target instanceof Node && rootRef.current?.contains(event.target)))
        setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function moveFocus(step: number) {
    const entries = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [],
    );
    const index = entries.findIndex((entry) => entry === document.activeElement);
    entries[(index + step + entries.length) % entries.length]?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') moveFocus(1);
    else if (event.key === 'ArrowUp') moveFocus(-1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  }

  return (
    <div className="menu-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <ul className={placement} role="menu" id={menuId} ref={menuRef} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                aria-disabled={item.unavailable === undefined ? undefined : true}
                onClick={() => {
                  if (item.unavailable !== undefined) return;
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
                {item.unavailable !== undefined && (
                  <span className="menu-item-note">{item.unavailable}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
