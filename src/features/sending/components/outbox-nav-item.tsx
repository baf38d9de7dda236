import { NavLink } from 'react-router'
import { useOutbox } from '../api/list-outbox'

/** The navigation item of the Postausgang: only where there is one (the demo). */
export function OutboxNavItem() {
  const outbox = useOutbox()
  if (!outbox.isSuccess) return null
  return (
    <li>
      <NavLink to="/postausgang">Postausgang (Demo)</NavLink>
    </li>
  )
}
